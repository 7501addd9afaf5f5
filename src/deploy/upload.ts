/** Put one site file into the bucket with its headers, MD5 metadata and (acl mode) public-read ACL. */
import { readFile } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { PutObjectCommand, type PutObjectCommandInput } from "@aws-sdk/client-s3";
import { Upload as MultipartUpload } from "@aws-sdk/lib-storage";
import type { AccessMode, PlannedFile } from "./plan.js";
import { META_ACCESS, META_MD5, type SiteBucket } from "./remote.js";

/** Files at or above this size go up in parts (lib-storage); their ETag is then not an MD5, so the MD5 is in metadata. */
export const MULTIPART_THRESHOLD_BYTES = 8 * 1024 * 1024;

/** What S3 stores about a published object besides its bytes. */
type ObjectFacts = Pick<PlannedFile, "key" | "md5" | "contentType" | "cacheControl">;

/** Upload a file; small ones in one PutObject with Content-MD5 so S3 verifies the bytes. */
export async function uploadFile(
  siteBucket: SiteBucket,
  file: PlannedFile,
  access: AccessMode,
  multipartThreshold = MULTIPART_THRESHOLD_BYTES,
): Promise<void> {
  if (file.size < multipartThreshold) return putBytes(siteBucket, file, await readFile(file.path), access);
  const partSize = Math.max(5 * 1024 * 1024, multipartThreshold);
  await new MultipartUpload({
    client: siteBucket.client,
    params: { ...putParams(siteBucket, file, access), Body: createReadStream(file.path) },
    partSize,
    queueSize: 4,
    leavePartsOnError: false,
  }).done();
}

/** Put bytes in one PutObject with Content-MD5, so S3 verifies them (files, and the rendered index.html). */
export async function putBytes(
  siteBucket: SiteBucket,
  file: ObjectFacts,
  body: Uint8Array,
  access: AccessMode,
): Promise<void> {
  await siteBucket.client.send(
    new PutObjectCommand({
      ...putParams(siteBucket, file, access),
      Body: body,
      ContentMD5: Buffer.from(file.md5, "hex").toString("base64"),
    }),
  );
}

/** Headers, MD5 metadata and (acl mode) the public-read ACL that every published object carries. */
function putParams(siteBucket: SiteBucket, file: ObjectFacts, access: AccessMode): PutObjectCommandInput {
  return {
    Bucket: siteBucket.bucket,
    Key: siteBucket.prefix + file.key,
    ContentType: file.contentType,
    CacheControl: file.cacheControl,
    Metadata: { [META_MD5]: file.md5, [META_ACCESS]: access },
    ACL: access === "acl" ? "public-read" : undefined,
  };
}
