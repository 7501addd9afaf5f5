/** Read and set an object's canned ACL, and tell who can really read the object. */
import { type S3Client } from "@aws-sdk/client-s3";
import type { BucketTarget } from "./target.js";
/** Who can read an object. */
export interface ObjectAccess {
    owner: string;
    /** Anyone on the internet may GET it. */
    publicRead: boolean;
    /** What makes it public: a public-read ACL grant, the bucket policy, or both. */
    publicVia: ("acl" | "bucket policy")[];
    /** Any AWS account, signed in, may GET it (an AuthenticatedUsers grant): not anonymous, but far from private. */
    anyAwsAccount: boolean;
    /** Each grant as `GRANTEE: PERMISSION`. */
    grants: string[];
    /** What else bears on access: Block Public Access overriding a grant, conditional policy statements, a policy we could not read. */
    notes: string[];
}
export type CannedAcl = "public-read" | "private";
/**
 * The object's owner and grants, plus what the bucket policy and Block Public Access make of them:
 * on a bucket published with a policy (`site.publicAccess: policy`) the ACL alone says "private".
 * @example const access = await readObjectAcl(client, resolveBucket(config, "site"), "index.html"); access.publicRead
 */
export declare function readObjectAcl(client: S3Client, target: BucketTarget, key: string): Promise<ObjectAccess>;
/**
 * Set a canned ACL. Making a raw-bucket object public needs `force` (raw data is private by design);
 * the returned warning says so when it was forced.
 * @example await setObjectAcl(client, resolveBucket(config, "site"), key, "public-read")
 */
export declare function setObjectAcl(client: S3Client, target: BucketTarget, key: string, acl: CannedAcl, options?: {
    force?: boolean;
}): Promise<{
    warning?: string;
}>;
