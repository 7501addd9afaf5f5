/** The one place HTML and URL escaping lives. Everything from the data goes through here. */
/** Escape text for HTML content and quoted attribute values. */
export declare function escapeHtml(value: unknown): string;
/**
 * The value as a link target, or undefined when it must not become a link. Only absolute http(s)
 * URLs qualify, so `javascript:`, `data:` and relative values always render as text.
 */
export declare function safeHref(value: unknown): string | undefined;
/** JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped so no text can close the tag. */
export declare function jsonForScript(value: unknown): string;
