/** Pure: what the project gives the pages (branding, template overrides, its own pages) and the layout's model of it. */
import { TREND_PAGE } from "../site-names.js";
import { escapeHtml, safeHref } from "./escape.js";

/** A project template replacing the built-in one of the same name. */
export interface TemplateOverride {
  /** Built-in name without extension, e.g. `layout`, `index`, `report`. */
  name: string;
  /** Path of the file, named in errors, e.g. `/project/site/templates/layout.eta`. */
  file: string;
  source: string;
}

/** A page of the project's own, e.g. site/pages/about.md -> about.html. */
export interface ProjectPage {
  /** File name without extension: the page is published as `<name>.html`. */
  name: string;
  file: string;
  format: "markdown" | "html";
  source: string;
}

/** The project's branding as the render stage uses it (loaded from the project's files by the build). */
export interface Theme {
  /** Language tag of the pages; `en` by default. */
  lang: string;
  accentColor?: string;
  description?: string;
  /** Footer text; `[text](url)` becomes a link when the URL is http(s) or mailto. */
  footer?: string;
  /** Path of the logo in the site, e.g. `assets/logo-1a2b3c4d.png` (named by its bytes' fingerprint). */
  logo?: string;
  /** Path of the favicon in the site, e.g. `assets/favicon.png`, with its content type. */
  favicon?: { path: string; type: string };
  templates: readonly TemplateOverride[];
  pages: readonly ProjectPage[];
}

/** The built-in look: no overrides, no pages of the project's own. */
export const DEFAULT_THEME: Theme = Object.freeze({ lang: "en", templates: [], pages: [] });

/** A page's entry in the navigation. */
export interface NavLink {
  text: string;
  href: string;
  /** Whether it is the page shown (aria-current). */
  current: boolean;
}

/** The published path of a project page. */
export function projectPagePath(page: Pick<ProjectPage, "name">): string {
  return `${page.name}.html`;
}

/**
 * The navigation: all months, the trend, then the project's pages in file-name order. `titles`
 * gives each project page's title (its first heading); `selfPath` marks the current page.
 */
export function navLinks(
  theme: Theme,
  rootHref: string,
  titles: ReadonlyMap<string, string>,
  selfPath?: string,
): NavLink[] {
  const links = [
    { text: "All months", path: "" },
    { text: "Trend", path: TREND_PAGE },
    ...theme.pages.map((p) => ({ text: titles.get(p.name) ?? p.name, path: projectPagePath(p) })),
  ];
  return links.map((l) => ({ text: l.text, href: `${rootHref}${l.path}`, current: l.path === selfPath }));
}

/** Footer text as HTML: escaped, with `[text](url)` links for http(s) and mailto URLs only. */
export function renderFooter(text: string | undefined): string {
  if (!text) return "";
  const link = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  let html = "";
  let last = 0;
  for (const match of text.matchAll(link)) {
    html += escapeHtml(text.slice(last, match.index));
    const href = footerHref(match[2]!);
    html += href ? `<a href="${escapeHtml(href)}">${escapeHtml(match[1])}</a>` : escapeHtml(match[0]);
    last = match.index + match[0].length;
  }
  return (html + escapeHtml(text.slice(last))).replace(/\n/g, "<br>\n");
}

/** An http(s) or mailto URL, or undefined. */
export function footerHref(value: string): string | undefined {
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(value)) return value;
  return safeHref(value);
}

const titleCache = new WeakMap<Theme, Map<string, string>>();

/** Each project page's title: its first heading (`# About` or `<h1>About</h1>`), else its file name. */
export function pageTitles(theme: Theme): ReadonlyMap<string, string> {
  let titles = titleCache.get(theme);
  if (!titles) {
    titles = new Map(theme.pages.map((p) => [p.name, pageTitle(p)]));
    titleCache.set(theme, titles);
  }
  return titles;
}

function pageTitle(page: ProjectPage): string {
  const heading =
    page.format === "markdown"
      ? /^#[ \t]+(.+?)[ \t#]*$/m.exec(page.source)?.[1]
      : /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(page.source)?.[1]?.replace(/<[^>]*>/g, "");
  const text = heading?.trim();
  if (text) return text;
  const words = page.name.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
