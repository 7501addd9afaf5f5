/**
 * Pure: Markdown of the project's pages -> HTML that is safe to publish. marked does not sanitise, so
 * raw HTML in the Markdown is shown as text, and links and images keep only http(s), mailto (links)
 * and relative targets: `javascript:` or `data:` never becomes a link.
 */
import type { Marked, MarkedExtension, Tokens } from "marked";
import { escapeHtml } from "./escape.js";
import { footerHref } from "./theme.js";

/** marked loads on the first page that needs it: most sites have no Markdown page. */
let parser: Promise<Marked> | undefined;

function markedParser(): Promise<Marked> {
  return (parser ??= import("marked").then(({ Marked }) => new Marked(OPTIONS)));
}

const OPTIONS: MarkedExtension = {
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const target = linkTarget(href, true);
      if (!target) return text;
      return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const target = linkTarget(href, false);
      if (!target) return escapeHtml(text);
      return `<img src="${escapeHtml(target)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
    },
  },
};

/** A link or image target that is safe: http(s), mailto (links only), or relative without a scheme. */
export function linkTarget(href: string, allowMailto: boolean): string | undefined {
  const value = href.trim();
  // a scheme is letters before ":" that come before any "/", "?" or "#" (e.g. "javascript:", "data:")
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return /[\s\\]/.test(value) || value.startsWith("//") ? undefined : value;
  if (scheme === "mailto") return allowMailto ? footerHref(value) : undefined;
  return scheme === "http" || scheme === "https" ? value : undefined;
}

/** Render Markdown to HTML with raw HTML escaped and unsafe link targets dropped. */
export async function renderMarkdown(source: string): Promise<string> {
  return (await markedParser()).parse(source);
}
