/** Pure leaf helpers for S3 keys used as URL paths; any module may import this (like errors.ts). */
/** Encode a key for a URL path: every segment percent-encoded (also `!'()*`), the slashes kept. */
export declare function encodeKey(key: string): string;
