/** Pure: does a bucket policy let anonymous users GET a key? */
/** What a policy says about anonymous reads of one key. */
export interface PolicyReading {
    /** An unconditional Allow for everyone (`"Principal": "*"`) covers s3:GetObject on the key, and no Deny for everyone does. */
    publicRead: boolean;
    /** Statements for everyone that have a Condition (e.g. a source IP range): they may open the key too; we do not evaluate them. */
    conditional: boolean;
}
/**
 * Read a bucket policy the way S3 does for an anonymous GET of `key`. Statements with NotPrincipal,
 * NotAction or NotResource are not interpreted (they are rare in public-site policies).
 * @example parsePolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/site/*"}]}', "b", "site/x.html") // { publicRead: true, conditional: false }
 */
export declare function parsePolicy(policyText: string | undefined, bucket: string, key: string): PolicyReading;
