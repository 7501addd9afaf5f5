/** The one place HTML and URL escaping lives. Everything from the data goes through here. */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * A value a page prints as text: the data's strings and the counts and sizes, and in a template also
 * a boolean or an optional value that is absent (README, Branding: `it.description`?).
 */
export type PrintedValue = string | number | boolean | null | undefined;

/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(value: PrintedValue): string {
  return printedText(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** A string as it is, a number or boolean as JavaScript writes it (`1234`, `true`), an absent value as nothing. */
function printedText(value: PrintedValue): string {
  if (value == null) return "";
  return typeof value === "string" ? value : String(value);
}

/**
 * Escape what a template prints (`<%= value %>`, `it.h.escapeHtml(value)`). A template is code and
 * may print any value, so one with no text of its own (an object, a list, a Date) fails the render,
 * which names the template's file and line, instead of publishing "[object Object]".
 */
export function escapeTemplateValue(value: unknown): string {
  if (isPrintedValue(value)) return escapeHtml(value);
  throw new TypeError(`a template printed ${unprintable(value)}`);
}

function isPrintedValue(value: unknown): value is PrintedValue {
  return value == null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** What the value is, and what to print instead. */
function unprintable(value: unknown): string {
  const none = "which has no text of its own";
  if (Array.isArray(value)) return `a list of ${value.length} values, ${none}: loop over it, or print it.join(", ")`;
  if (value instanceof Date) return `a Date, ${none}: print a text of it, e.g. its toISOString()`;
  if (typeof value === "object" && value !== null)
    return `an object with ${Object.keys(value).join(", ") || "no fields"}, ${none}: print one of its fields`;
  return `a ${typeof value}, ${none}`;
}

/**
 * The value as a link target, or undefined when it must not become a link. Only absolute http(s)
 * URLs qualify, so `javascript:`, `data:` and relative values always render as text.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
