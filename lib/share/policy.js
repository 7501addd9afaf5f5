/** Pure: does a bucket policy let anonymous users GET a key? */
/**
 * Read a bucket policy the way S3 does for an anonymous GET of `key`. Statements with NotPrincipal,
 * NotAction or NotResource are not interpreted (they are rare in public-site policies).
 * @example parsePolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/site/*"}]}', "b", "site/x.html") // { publicRead: true, conditional: false }
 */
export function parsePolicy(policyText, bucket, key) {
    const statements = statementsOf(policyText);
    const resource = `arn:aws:s3:::${bucket}/${key}`;
    const applies = (s) => isEveryone(s.Principal) &&
        list(s.Action).some((a) => wildcardMatch(a, "s3:GetObject", true)) &&
        list(s.Resource).some((r) => wildcardMatch(r, resource, false));
    const relevant = statements.filter(applies);
    const denied = relevant.some((s) => s.Effect === "Deny" && s.Condition === undefined);
    const allowed = relevant.some((s) => s.Effect === "Allow" && s.Condition === undefined);
    return {
        publicRead: allowed && !denied,
        conditional: !denied && relevant.some((s) => s.Effect === "Allow" && s.Condition !== undefined),
    };
}
function statementsOf(policyText) {
    if (!policyText)
        return [];
    try {
        const statement = JSON.parse(policyText).Statement;
        return statement === undefined ? [] : Array.isArray(statement) ? statement : [statement];
    }
    catch {
        return [];
    }
}
function isEveryone(principal) {
    if (principal === "*")
        return true;
    const aws = principal?.AWS;
    return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}
function list(value) {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
/** IAM wildcards: `*` any run of characters, `?` one character. Actions compare case-insensitively, ARNs exactly. */
function wildcardMatch(pattern, value, ignoreCase) {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}
