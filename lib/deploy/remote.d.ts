/** Gather what is in the site bucket: every page of the listing, plus each object's headers where the plan needs them. */
import { type S3Client } from "@aws-sdk/client-s3";
import type { RemoteObject } from "./plan.js";
/** Metadata keys reportsite stores on every object it uploads (x-amz-meta-…). */
export declare const META_MD5 = "reportsite-md5";
export declare const META_ACCESS = "reportsite-access";
/** Where the site lives. */
export interface RemoteSite {
    client: S3Client;
    bucket: string;
    /** Empty or ending in `/`. */
    prefix: string;
    endpoint?: string;
}
/** Every object under the prefix, keys relative to it. Follows every continuation token. */
export declare function listRemote(site: RemoteSite): Promise<RemoteObject[]>;
/**
 * Add headers and stored metadata to the objects whose keys are in `keys` (one HEAD each): the
 * listing has no Content-Type or metadata, and a multipart ETag is not an MD5.
 */
export declare function addRemoteHeaders(site: RemoteSite, objects: RemoteObject[], keys: ReadonlySet<string>): Promise<RemoteObject[]>;
/** The MD5 a single-part ETag holds; undefined for multipart ETags (`"…-3"`). */
export declare function md5FromEtag(etag: string | undefined): string | undefined;
/**
 * Add `publicRead` to every object from its ACL (one GetObjectAcl each; deploy --verify-access only,
 * so a no-op deploy stays one listing). Listed metadata cannot tell: an ACL changed after upload
 * (`reportsite acl KEY private`) leaves the metadata saying public.
 */
export declare function addRemoteAccess(site: RemoteSite, objects: RemoteObject[]): Promise<RemoteObject[]>;
