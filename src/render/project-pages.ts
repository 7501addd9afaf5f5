/** Pure: the project's own pages (site.pages: about.md, methodology.html) rendered in the site layout. */
import type { PageLinks } from "./head-links.js";
import { renderPage } from "./layout.js";
import { renderMarkdown } from "./markdown.js";
import type { SiteFile } from "./site-input.js";
import { renderTemplate } from "./templates.js";
import { pageTitles, projectPagePath, type ProjectPage, type Theme } from "./theme.js";

/**
 * Render each of the theme's pages at the site root as `<name>.html` (`linksOf`: a page's canonical address and preview). Markdown is rendered with raw
 * HTML escaped; an .html page is the project's own markup (like a template override) and goes in as written.
 * @example renderProjectPages(theme, "311 reports") // [{ path: "about.html", body: "<!doctype html>…" }]
 */
export async function renderProjectPages(
  theme: Theme,
  siteTitle: string,
  linksOf?: (path: string) => PageLinks,
): Promise<SiteFile[]> {
  const titles = pageTitles(theme);
  const contents = await Promise.all(theme.pages.map(content));
  return theme.pages.map((page, i) => {
    const path = projectPagePath(page);
    const title = titles.get(page.name)!;
    const body = renderTemplate("page", { title, name: page.name, format: page.format, content: contents[i] }, theme);
    return {
      path,
      body: renderPage({
        ...{ body, pageTitle: `${title}, ${siteTitle}`, siteTitle, depth: 0, theme, selfPath: path },
        links: linksOf?.(path),
      }),
    };
  });
}

async function content(page: ProjectPage): Promise<string> {
  return page.format === "markdown" ? renderMarkdown(page.source) : page.source;
}
