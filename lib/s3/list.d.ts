/** List every object under a prefix, page after page, refusing to stop early. */
import { type _Object, type S3Client } from "@aws-sdk/client-s3";
/**
 * Every object (folder markers left out) under `prefix`, following continuation tokens. A page that
 * says more keys follow but gives no token is an error, not the end: a build or a sync plan made
 * from part of a listing is wrong without saying so.
 */
export declare function listAllObjects(client: S3Client, bucket: string, prefix: string, endpoint?: string): Promise<{
    objects: _Object[];
    pages: number;
}>;
