/** Pure: wrap a page body in the shared layout, with the project's branding (site.logo, accentColor, footer, pages). */
import { jsonForScript } from "./escape.js";
import { headLinks, type PageLinks } from "./head-links.js";
import { renderTemplate } from "./templates.js";
import { DEFAULT_THEME, navLinks, pageTitles, renderFooter, type Theme } from "./theme.js";

/** What every page shows around its body. */
export interface PageOptions {
  body: string;
  pageTitle: string;
  siteTitle: string;
  /** How many folders below the site root the page lives (for the link back to the index). */
  depth: number;
  /** The project's branding; the built-in look when absent. */
  theme?: Theme;
  /** Path of the page in the site, e.g. `about.html`: its navigation link is marked current. */
  selfPath?: string;
  /** Where the page lives and how a pasted link to it is previewed (canonical, feed, Open Graph); none when absent. */
  links?: PageLinks;
  /** Linked data about the page (a report page's schema.org Dataset), printed as JSON-LD in the head. */
  linkedData?: unknown;
}

/** A whole HTML document. */
export function renderPage({
  body,
  pageTitle,
  siteTitle,
  depth,
  theme = DEFAULT_THEME,
  selfPath,
  links,
  linkedData,
}: PageOptions): string {
  const rootHref = depth === 0 ? "./" : "../".repeat(depth);
  const page = { body, pageTitle, siteTitle, rootHref, selfPath, links, linkedData };
  return renderTemplate("layout", layoutModel(theme, page), theme);
}

/**
 * The error document S3 website hosting serves for missing keys. It is served at any depth, so its
 * links must be absolute: `siteRootUrl` is the website URL of the site root (ending in `/`).
 */
export function renderErrorPage(siteTitle: string, siteRootUrl: string, theme: Theme = DEFAULT_THEME): string {
  const body = renderTemplate("error", { rootHref: siteRootUrl }, theme);
  const page = { body, pageTitle: `Not found: ${siteTitle}`, siteTitle, rootHref: siteRootUrl };
  return renderTemplate("layout", layoutModel(theme, page), theme);
}

interface LayoutPage {
  body: string;
  pageTitle: string;
  siteTitle: string;
  rootHref: string;
  selfPath?: string;
  links?: PageLinks;
  linkedData?: unknown;
}

/** What layout.eta receives (README, Branding documents each field). */
function layoutModel(theme: Theme, page: LayoutPage) {
  const { rootHref, selfPath, links, linkedData, ...rest } = page;
  return {
    ...rest,
    // `<`, `>` and `&` as \u escapes: no value can close the script element
    linkedData: linkedData === undefined ? undefined : jsonForScript(linkedData),
    head: links && headLinks(links, rest.pageTitle, rest.siteTitle, theme.description),
    rootHref,
    lang: theme.lang,
    description: theme.description,
    logo: theme.logo ? { href: `${rootHref}${theme.logo}` } : undefined,
    favicon: theme.favicon ? { href: `${rootHref}${theme.favicon.path}`, type: theme.favicon.type } : undefined,
    nav: navLinks(theme, rootHref, pageTitles(theme), selfPath),
    footerHtml: renderFooter(theme.footer),
    brandStyle: brandStyle(theme),
  };
}

/** CSS for the accent colour (validated hex at config load), the logo and the footer; empty for the built-in look. */
function brandStyle(theme: Theme): string {
  const rules: string[] = [];
  // raw CSS: only a hex colour gets in, whoever built the theme (library users skip config validation)
  if (theme.accentColor && /^#[0-9a-fA-F]{3,6}$/.test(theme.accentColor))
    rules.push(`:root { --accent: ${theme.accentColor}; }`);
  if (theme.logo) rules.push(".site-header .logo { height: 2rem; width: auto; vertical-align: middle; }");
  if (theme.footer)
    rules.push(
      ".site-footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .75rem; color: var(--muted); font-size: .95rem; }",
    );
  return rules.join("\n");
}
