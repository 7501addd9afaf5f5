/** Read and set an object's canned ACL, and tell who can really read the object. */
import {
  GetBucketPolicyCommand,
  GetObjectAclCommand,
  GetPublicAccessBlockCommand,
  PutObjectAclCommand,
  type Grant,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from "@aws-sdk/client-s3";
import { ShareError } from "../errors.js";
import { ACLS_DISABLED, aclsDisabledHint } from "../s3/index.js";
import { objectError } from "./errors.js";
import { readIndexLinks } from "./index-links.js";
import { parsePolicy } from "./policy.js";
import type { BucketTarget } from "./target.js";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

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
export async function readObjectAcl(client: S3Client, target: BucketTarget, key: string): Promise<ObjectAccess> {
  const acl = await client
    .send(new GetObjectAclCommand({ Bucket: target.bucket, Key: key }))
    .catch(async (error) => Promise.reject(await aclError(client, error, target, key, "read the ACL of")));
  const notes: string[] = [];
  const block = await readAccessBlock(client, target.bucket, notes);
  const policy = parsePolicy(await readPolicyText(client, target.bucket, notes), target.bucket, key);
  const grants = acl.Grants ?? [];
  const aclPublic = grants.some((g) => grantsRead(g, ALL_USERS));
  if (aclPublic && block.IgnorePublicAcls)
    notes.push("the public-read ACL grant has no effect: Block Public Access setting IgnorePublicAcls is on.");
  if (policy.publicRead && block.RestrictPublicBuckets)
    notes.push("the public bucket policy has no effect: Block Public Access setting RestrictPublicBuckets is on.");
  if (policy.conditional)
    notes.push("the bucket policy has conditional statements for everyone that may also let anonymous users read it.");
  const publicVia = [
    ...(aclPublic && !block.IgnorePublicAcls ? (["acl"] as const) : []),
    ...(policy.publicRead && !block.RestrictPublicBuckets ? (["bucket policy"] as const) : []),
  ];
  return {
    owner: acl.Owner?.DisplayName || acl.Owner?.ID || "?",
    publicRead: publicVia.length > 0,
    publicVia,
    anyAwsAccount: grants.some((g) => grantsRead(g, AUTHENTICATED_USERS)) && !block.IgnorePublicAcls,
    grants: grants.map((g) => `${granteeName(g)}: ${g.Permission}`),
    notes,
  };
}

/** The bucket's Block Public Access settings; none when unset, and a note when they cannot be read. */
async function readAccessBlock(
  client: S3Client,
  bucket: string,
  notes: string[],
): Promise<PublicAccessBlockConfiguration> {
  return client.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then(
    (r) => r.PublicAccessBlockConfiguration ?? {},
    (error: { name?: string }) => {
      if (error.name !== "NoSuchPublicAccessBlockConfiguration")
        notes.push(`Block Public Access of the bucket could not be read (${error.name}); it may override the grants.`);
      return {};
    },
  );
}

/** The bucket policy's JSON; undefined when there is none, with a note when it cannot be read. */
async function readPolicyText(client: S3Client, bucket: string, notes: string[]): Promise<string | undefined> {
  return client.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (r) => r.Policy,
    (error: { name?: string }) => {
      if (error.name !== "NoSuchBucketPolicy")
        notes.push(`the bucket policy could not be read (${error.name}); it may make the object public.`);
      return undefined;
    },
  );
}

function grantsRead(grant: Grant, group: string): boolean {
  return grant.Grantee?.URI === group && (grant.Permission === "READ" || grant.Permission === "FULL_CONTROL");
}

function granteeName(grant: Grant): string {
  const g = grant.Grantee;
  if (g?.URI === ALL_USERS) return "everyone (AllUsers)";
  if (g?.URI === AUTHENTICATED_USERS) return "any AWS account (AuthenticatedUsers)";
  return g?.DisplayName || g?.ID || g?.EmailAddress || g?.URI || "?";
}

/**
 * Set a canned ACL. Making a raw-bucket object public needs `force` (raw data is private by design);
 * the returned warning says so when it was forced.
 * @example await setObjectAcl(client, resolveBucket(config, "site"), key, "public-read")
 */
export async function setObjectAcl(
  client: S3Client,
  target: BucketTarget,
  key: string,
  acl: CannedAcl,
  options: { force?: boolean } = {},
): Promise<{ warning?: string }> {
  if (acl === "public-read" && target.role === "raw" && !options.force) {
    throw new ShareError(
      `refusing to make s3://${target.bucket}/${key} public: it is in the raw bucket, which holds private data`,
      {
        hint: "Pass --force if you really mean it, or share it for a limited time with `reportsite share`.",
      },
    );
  }
  await client
    .send(new PutObjectAclCommand({ Bucket: target.bucket, Key: key, ACL: acl }))
    .catch(async (error) => Promise.reject(await aclError(client, error, target, key, "set the ACL of")));
  if (acl === "public-read" && target.role === "raw")
    return { warning: `s3://${target.bucket}/${key} holds raw data and is now readable by anyone` };
  if (acl === "private" && target.role === "site") return { warning: await linkedButPrivate(client, target, key) };
  return {};
}

/**
 * A warning when the site's index.html links to a key that visitors can no longer read (a bucket
 * policy may still make it public: then there is nothing to warn about). The next deploy does not
 * notice such a broken link unless run with --verify-access, so `acl` is the moment to say it.
 */
async function linkedButPrivate(client: S3Client, target: BucketTarget, key: string): Promise<string | undefined> {
  const links = await readIndexLinks(client, target.bucket, target.prefix ?? "").catch(() => undefined);
  if (links === undefined)
    return `could not read index.html of s3://${target.bucket} to check whether it links to ${key}`;
  if (!links.has(key) || (await readObjectAcl(client, target, key)).publicRead) return undefined;
  const relative = key.slice((target.prefix ?? "").length);
  return `index.html links to ${key}, so visitors following that link now get 403 Forbidden; a deploy does not notice unless run with --verify-access, which makes ${relative} public again while dist/ has it`;
}

async function aclError(
  client: S3Client,
  error: unknown,
  target: BucketTarget,
  key: string,
  action: string,
): Promise<Error> {
  if ((error as { name?: string }).name === "AccessControlListNotSupported") {
    return new ShareError(`cannot ${action} s3://${target.bucket}/${key}: ${ACLS_DISABLED}`, {
      hint: aclsDisabledHint(target.bucket),
      cause: error,
    });
  }
  return objectError(client, error, action, target.bucket, key);
}
