/** SigV4 presigned URLs live at most 7 days. */
export declare const MAX_EXPIRY_SECONDS: number;
/**
 * Parse `90s`, `15m`, `1h`, `7d` into seconds. Refuses anything else, zero, and more than 7 days.
 * @example parseExpiry("15m") // 900
 */
export declare function parseExpiry(text: string): number;
/** 5400 -> `1h 30m`; for messages about lifetimes. */
export declare function formatDuration(seconds: number): string;
