import { type S3Client } from "@aws-sdk/client-s3";
/**
 * Pure: where a key lands inside `folder`. Empty, `.` and `..` segments are dropped, so a key such
 * as `../../etc/passwd` or `/abs/path` can never leave the folder.
 * @example localPathFor("/tmp/out", "../../etc/passwd") // "/tmp/out/etc/passwd"
 */
export declare function localPathFor(folder: string, key: string): string;
/**
 * Where `--to` says to write: an existing folder, or a path ending in `/`, is a folder (the key's
 * path is kept below it); anything else is the file's own path. Without `to`, the key's path below
 * the current folder.
 */
export declare function downloadTarget(to: string | undefined, key: string): Promise<string>;
/**
 * Refuse a path whose folders, inside `folder`, include a symlink to somewhere outside it: the
 * key's path is kept below the folder, and writing through such a link would put the file elsewhere
 * while the message names the folder (issue 12 point 11). The file itself is replaced by rename,
 * which never follows a link. A link the user passed as the folder itself is their choice and is followed.
 */
export declare function checkStaysInFolder(folder: string, path: string): Promise<void>;
/**
 * Stream the object to a local file (see downloadTarget for `to`) through a temp file in the same
 * folder, renamed into place when complete: an error or Ctrl-C leaves no partial file.
 * @example await downloadObject(client, "gid-raw", "2019_jan_10_gid_requests.csv", { to: "data/" })
 */
export declare function downloadObject(client: S3Client, bucket: string, key: string, options?: {
    to?: string;
}): Promise<{
    path: string;
    bytes: number;
}>;
