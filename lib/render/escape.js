/** The one place HTML and URL escaping lives. Everything from the data goes through here. */
const HTML_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#96;",
};
/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(value) {
    return String(value ?? "").replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}
/**
 * The value as a link target, or undefined when it must not become a link. Only absolute http(s)
 * URLs qualify, so `javascript:`, `data:` and relative values always render as text.
 */
export function safeHref(value) {
    if (typeof value !== "string")
        return undefined;
    const trimmed = value.trim();
    if (!/^https?:\/\//i.test(trimmed))
        return undefined;
    try {
        const url = new URL(trimmed);
        return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
    }
    catch {
        return undefined;
    }
}
/** JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped so no text can close the tag. */
export function jsonForScript(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
