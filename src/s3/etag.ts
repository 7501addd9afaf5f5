/** Pure: what an S3 ETag says about an object's bytes. */

/** The MD5 a single-part ETag holds; undefined for multipart ETags (`"…-3"`). */
export function md5FromEtag(etag: string | undefined): string | undefined {
  const value = etag?.replaceAll('"', "");
  return value && /^[0-9a-f]{32}$/i.test(value) ? value.toLowerCase() : undefined;
}
