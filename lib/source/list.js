import { listAllObjects } from "../s3/index.js";
/** Every object under raw.prefix. Follows continuation tokens (pages may be short), never stops at 1,000 keys. */
export async function listRawObjects(client, config) {
    const { objects, pages } = await listAllObjects(client, config.raw.bucket, config.raw.prefix, config.endpoint);
    return {
        objects: objects.map((item) => ({
            key: item.Key,
            size: item.Size ?? 0,
            etag: item.ETag,
            lastModified: item.LastModified,
        })),
        pages,
    };
}
