/** Pure: how long a presigned URL lives. */
import { ShareError } from "../errors.js";
/** SigV4 presigned URLs live at most 7 days. */
export const MAX_EXPIRY_SECONDS = 7 * 24 * 60 * 60;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 };
/**
 * Parse `90s`, `15m`, `1h`, `7d` into seconds. Refuses anything else, zero, and more than 7 days.
 * @example parseExpiry("15m") // 900
 */
export function parseExpiry(text) {
    const match = /^(\d+)([smhd])$/.exec(text.trim());
    if (!match)
        throw new ShareError(`--expires ${text}: expected a number and a unit, e.g. 90s, 15m, 1h or 7d`);
    const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
    if (seconds <= 0)
        throw new ShareError(`--expires ${text}: must be more than 0 seconds`);
    if (seconds > MAX_EXPIRY_SECONDS) {
        throw new ShareError(`--expires ${text}: presigned URLs (Signature Version 4) live at most 7 days (7d = ${MAX_EXPIRY_SECONDS}s)`, {
            // never suggest the public site bucket: this command shares private (often raw) data
            hint: "Share it with --expires 7d, and run `reportsite share` again for a new link when that one expires; the file stays private.",
        });
    }
    return seconds;
}
/** 5400 -> `1h 30m`; for messages about lifetimes. */
export function formatDuration(seconds) {
    const parts = [];
    let rest = Math.max(0, Math.floor(seconds));
    for (const [unit, size] of [
        ["d", 86_400],
        ["h", 3600],
        ["m", 60],
        ["s", 1],
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.join(" ") || "0s";
}
