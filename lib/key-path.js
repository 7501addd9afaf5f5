/** Pure leaf helpers for S3 keys used as URL paths; any module may import this (like errors.ts). */
/** Encode a key for a URL path: every segment percent-encoded (also `!'()*`), the slashes kept. */
export function encodeKey(key) {
    return key
        .split("/")
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join("/");
}
