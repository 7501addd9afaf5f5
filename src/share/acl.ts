/** Read and set an object's canned ACL. */
import { GetObjectAclCommand, PutObjectAclCommand, type S3Client } from "@aws-sdk/client-s3";
import { ShareError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import type { BucketTarget } from "./target.js";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

/** Who can read an object. */
export interface ObjectAccess {
  owner: string;
  /** Anyone on the internet may GET it (an AllUsers READ or FULL_CONTROL grant). */
  publicRead: boolean;
  /** Each grant as `GRANTEE: PERMISSION`. */
  grants: string[];
}

export type CannedAcl = "public-read" | "private";

/** The object's owner and grants. */
export async function readObjectAcl(client: S3Client, target: BucketTarget, key: string): Promise<ObjectAccess> {
  const acl = await client.send(new GetObjectAclCommand({ Bucket: target.bucket, Key: key })).catch((error) => Promise.reject(aclError(error, target, key, "read the ACL of")));
  const grants = (acl.Grants ?? []).map((g) => `${g.Grantee?.URI === ALL_USERS ? "everyone (AllUsers)" : g.Grantee?.DisplayName || g.Grantee?.ID || g.Grantee?.URI || "?"}: ${g.Permission}`);
  const publicRead = (acl.Grants ?? []).some((g) => g.Grantee?.URI === ALL_USERS && (g.Permission === "READ" || g.Permission === "FULL_CONTROL"));
  return { owner: acl.Owner?.DisplayName || acl.Owner?.ID || "?", publicRead, grants };
}

/**
 * Set a canned ACL. Making a raw-bucket object public needs `force` (raw data is private by design);
 * the returned warning says so when it was forced.
 */
export async function setObjectAcl(client: S3Client, target: BucketTarget, key: string, acl: CannedAcl, options: { force?: boolean } = {}): Promise<{ warning?: string }> {
  if (acl === "public-read" && target.role === "raw" && !options.force) {
    throw new ShareError(`refusing to make s3://${target.bucket}/${key} public: it is in the raw bucket, which holds private data`, {
      hint: "Pass --force if you really mean it, or share it for a limited time with `reportsite share`.",
    });
  }
  await client.send(new PutObjectAclCommand({ Bucket: target.bucket, Key: key, ACL: acl })).catch((error) => Promise.reject(aclError(error, target, key, "set the ACL of")));
  return acl === "public-read" && target.role === "raw" ? { warning: `s3://${target.bucket}/${key} in the raw bucket is now readable by anyone; undo with: reportsite acl ${key} private --bucket raw` } : {};
}

function aclError(error: unknown, target: BucketTarget, key: string, operation: string): Error {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === "AccessControlListNotSupported") {
    return new ShareError(`cannot ${operation} s3://${target.bucket}/${key}: the bucket has ACLs disabled (Object Ownership: bucket owner enforced)`, {
      hint: 'Public access on such a bucket comes from a bucket policy: set "site.publicAccess": "policy" in site-config.json and run `reportsite setup`.',
      cause: error,
    });
  }
  if (e.$metadata?.httpStatusCode === 404 || e.name === "NoSuchKey") return new ShareError(`cannot ${operation} s3://${target.bucket}/${key}: no such object`, { hint: "Check the key and --bucket.", cause: error });
  return toS3Error(error, { operation, bucket: target.bucket, key });
}
