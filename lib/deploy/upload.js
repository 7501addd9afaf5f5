/** Put one site file into the bucket with its headers, MD5 metadata and (acl mode) public-read ACL. */
import { readFile } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload as MultipartUpload } from "@aws-sdk/lib-storage";
import { META_ACCESS, META_MD5 } from "./remote.js";
/** Files at or above this size go up in parts (lib-storage); their ETag is then not an MD5, so the MD5 is in metadata. */
export const MULTIPART_THRESHOLD_BYTES = 8 * 1024 * 1024;
/** Upload a file; small ones in one PutObject with Content-MD5 so S3 verifies the bytes. */
export async function uploadFile(site, file, access, multipartThreshold = MULTIPART_THRESHOLD_BYTES) {
    const params = {
        Bucket: site.bucket,
        Key: site.prefix + file.key,
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
        Metadata: { [META_MD5]: file.md5, [META_ACCESS]: access },
        ACL: access === "acl" ? "public-read" : undefined,
    };
    if (file.size < multipartThreshold) {
        const body = await readFile(file.path);
        await site.client.send(new PutObjectCommand({ ...params, Body: body, ContentMD5: Buffer.from(file.md5, "hex").toString("base64") }));
        return;
    }
    const partSize = Math.max(5 * 1024 * 1024, multipartThreshold);
    await new MultipartUpload({
        client: site.client,
        params: { ...params, Body: createReadStream(file.path) },
        partSize,
        queueSize: 4,
        leavePartsOnError: false,
    }).done();
}
