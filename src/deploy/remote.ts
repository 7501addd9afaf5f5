/** Gather what is in the site bucket: every page of the listing, plus each object's headers where the plan needs them. */
import { GetObjectAclCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { listAllObjects, toS3Error, md5FromEtag } from "../s3/index.js";
import { rememberedHeaders, type SeenHeaders } from "../state/index.js";
import { mapWithConcurrency } from "../concurrency.js";
import type { RemoteObject } from "./plan.js";
import { DEPLOY_LOCK_KEY } from "../site-names.js";

/** Metadata keys reportsite stores on every object it uploads (x-amz-meta-…). */
export const META_MD5 = "reportsite-md5";
export const META_ACCESS = "reportsite-access";

/** The site bucket and prefix deploy publishes to, and the client that reaches it. */
export interface SiteBucket {
  client: S3Client;
  bucket: string;
  /** Empty or ending in `/`. */
  prefix: string;
  endpoint?: string;
}

/** Every object under the prefix but the deploy lock, keys relative to it. Follows every continuation token. */
export async function listRemote(siteBucket: SiteBucket): Promise<RemoteObject[]> {
  return (await listRemoteWithLock(siteBucket)).objects;
}

/** The site's objects (listRemote), and the ETag of the deploy lock as listed (undefined when there is none). */
export async function listRemoteWithLock(
  siteBucket: SiteBucket,
): Promise<{ objects: RemoteObject[]; lockEtag?: string }> {
  const { objects } = await listAllObjects(
    siteBucket.client,
    siteBucket.bucket,
    siteBucket.prefix,
    siteBucket.endpoint,
  );
  const lockKey = siteBucket.prefix + DEPLOY_LOCK_KEY;
  const lock = objects.find((item) => item.Key === lockKey);
  const listed = objects
    .filter((item) => item !== lock)
    .map((item) => ({
      key: item.Key!.slice(siteBucket.prefix.length),
      size: item.Size ?? 0,
      md5: md5FromEtag(item.ETag),
      lastModified: item.LastModified,
      etag: item.ETag,
    }));
  return { objects: listed, lockEtag: lock?.ETag };
}

/**
 * Add headers and stored metadata to the objects whose keys are in `keys` (one HEAD each, unless
 * `memory` holds what a HEAD of this very version answered): the listing has no Content-Type or
 * metadata, and a multipart ETag is not an MD5. An object gone by the time of its HEAD (another
 * deploy, holding the lock, deleted it after the listing) is left out, as a listing made now would
 * leave it out: a plan that then writes takes the lock, which sees the other deploy and lists again.
 */
export async function addRemoteHeaders(
  siteBucket: SiteBucket,
  objects: RemoteObject[],
  keys: ReadonlySet<string>,
  memory: ReadonlyMap<string, SeenHeaders> = new Map(),
): Promise<RemoteObject[]> {
  const withHeaders = await mapWithConcurrency(objects, 16, async (object) => {
    if (!keys.has(object.key)) return object;
    const seen = rememberedHeaders(memory, object);
    if (seen) {
      const { md5, contentType, cacheControl, access } = seen;
      return { ...object, md5: md5 ?? object.md5, contentType, cacheControl, access };
    }
    try {
      const head = await siteBucket.client.send(
        new HeadObjectCommand({ Bucket: siteBucket.bucket, Key: siteBucket.prefix + object.key }),
      );
      // the stored MD5 was checked by S3 (Content-MD5) when we uploaded; an ETag is not an MD5 for
      // multipart or SSE-KMS objects. An out-of-band overwrite drops our metadata, so the ETag is used then.
      const stored = head.Metadata?.[META_MD5];
      return {
        ...object,
        md5: stored ?? object.md5,
        contentType: head.ContentType,
        cacheControl: head.CacheControl,
        access: head.Metadata?.[META_ACCESS],
      };
    } catch (error) {
      return leftOutIfGone(error, siteBucket, object, "read the headers of");
    }
  });
  return withHeaders.filter((object) => object !== undefined);
}

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

/**
 * Add `publicRead` to every object from its ACL (one GetObjectAcl each; deploy --verify-access only,
 * so a no-op deploy stays one listing). Listed metadata cannot tell: an ACL changed after upload
 * (`reportsite acl KEY private`) leaves the metadata saying public. An object gone by the time its ACL
 * is asked is left out, as addRemoteHeaders leaves it out: the bucket was just listed, so a 404 here
 * means the key was deleted since (by another deploy, holding the lock), not that the bucket is missing.
 */
export async function addRemoteAccess(siteBucket: SiteBucket, objects: RemoteObject[]): Promise<RemoteObject[]> {
  const checked = await mapWithConcurrency(objects, 16, async (object) => {
    try {
      const acl = await siteBucket.client.send(
        new GetObjectAclCommand({ Bucket: siteBucket.bucket, Key: siteBucket.prefix + object.key }),
      );
      const publicRead = (acl.Grants ?? []).some(
        (g) => g.Grantee?.URI === ALL_USERS && (g.Permission === "READ" || g.Permission === "FULL_CONTROL"),
      );
      return { ...object, publicRead };
    } catch (error) {
      return leftOutIfGone(error, siteBucket, object, "read the ACL of");
    }
  });
  return checked.filter((object) => object !== undefined);
}

/**
 * Undefined (leave the object out) when the request failed because the object is gone: a HEAD
 * answers NotFound (no body to name the error), a GET NoSuchKey. Any other failure is thrown.
 */
function leftOutIfGone(error: unknown, siteBucket: SiteBucket, object: RemoteObject, operation: string): undefined {
  const failure = toS3Error(error, {
    operation,
    bucket: siteBucket.bucket,
    key: siteBucket.prefix + object.key,
    endpoint: siteBucket.endpoint,
  });
  if (failure.code === "NotFound" || failure.code === "NoSuchKey") return undefined;
  throw failure;
}

/** What is known now of every listed object whose headers were read (or remembered), for the published-headers memory. */
export function seenHeadersOf(remote: readonly RemoteObject[]): Map<string, SeenHeaders> {
  const seen = new Map<string, SeenHeaders>();
  for (const object of remote) {
    if (object.etag === undefined || object.lastModified === undefined || object.contentType === undefined) continue;
    const { md5, contentType, cacheControl, access } = object;
    const lastModified = object.lastModified.toISOString();
    seen.set(object.key, { etag: object.etag, lastModified, md5, contentType, cacheControl, access });
  }
  return seen;
}
