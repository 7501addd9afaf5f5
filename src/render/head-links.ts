/**
 * Pure: the links a page's head carries so that it travels: its canonical address, the feed, and the
 * Open Graph and Twitter card metadata a chat or a social site reads to preview a pasted link. Every
 * URL is absolute (site.url, else the website endpoint): a preview is fetched from outside the site.
 */
import { encodeKey } from "../key-path.js";
import { FEED, INDEX_DOCUMENT, PREVIEW_IMAGE } from "../site-names.js";
import type { PageConfig } from "./site-input.js";
import type { SiteSummary } from "./summary.js";

/** The preview image's size in pixels: Open Graph's and Twitter's large card (1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/** What a page's head says about where it lives and how it is previewed. */
export interface PageLinks {
  /** Absolute URL of the site root, ending in `/` (PageConfig.siteRootUrl). */
  siteRootUrl: string;
  /** The page's path below the site root (`2019/jan/final_chart.html`, "" for the home page). */
  path: string;
  /** What the preview says below the title, e.g. "January 2019: 12,345 requests"; the site's description when absent. */
  description?: string;
  /** Path of the preview image below the site root; no image (a small card) when absent. */
  image?: string;
}

/** One `<meta>` of the head: Open Graph's are named by `property`, Twitter's by `name`. */
export interface HeadMeta {
  attribute: "property" | "name";
  key: string;
  content: string;
}

/** What layout.eta prints in the head (its `it.links`); every value is escaped by the template. */
export interface HeadLinksModel {
  canonical: string;
  feed: { href: string; title: string };
  meta: HeadMeta[];
}

/**
 * The head's links for a page titled `pageTitle` of the site `siteTitle`.
 * @example headLinks({ siteRootUrl: "https://r.example/", path: "trend.html" }, "Trend", "311", undefined).canonical // "https://r.example/trend.html"
 */
export function headLinks(
  links: PageLinks,
  pageTitle: string,
  siteTitle: string,
  siteDescription: string | undefined,
): HeadLinksModel {
  const url = absoluteUrl(links.siteRootUrl, canonicalPath(links.path));
  const description = links.description ?? siteDescription ?? siteTitle;
  const image = links.image === undefined ? undefined : absoluteUrl(links.siteRootUrl, links.image);
  const og = (key: string, content: string): HeadMeta => ({ attribute: "property", key: `og:${key}`, content });
  const twitter = (key: string, content: string): HeadMeta => ({ attribute: "name", key: `twitter:${key}`, content });
  const imageMeta = image
    ? [
        og("image", image),
        og("image:type", "image/png"),
        og("image:width", String(PREVIEW_SIZE.width)),
        og("image:height", String(PREVIEW_SIZE.height)),
        og("image:alt", description),
        twitter("image", image),
        twitter("image:alt", description),
      ]
    : [];
  return {
    canonical: url,
    feed: { href: absoluteUrl(links.siteRootUrl, FEED), title: `${siteTitle}: every month` },
    meta: [
      og("type", "website"),
      og("site_name", siteTitle),
      og("title", pageTitle),
      og("description", description),
      og("url", url),
      twitter("card", image ? "summary_large_image" : "summary"),
      twitter("title", pageTitle),
      twitter("description", description),
      ...imageMeta,
    ],
  };
}

/** A folder's index is addressed as the folder (`2019/jan/`), which S3 website hosting serves. */
export function canonicalPath(path: string): string {
  if (path === INDEX_DOCUMENT) return "";
  return path.endsWith(`/${INDEX_DOCUMENT}`) ? path.slice(0, -INDEX_DOCUMENT.length) : path;
}

/** `path` (below the root, unencoded) as an absolute URL, each segment percent-encoded. */
export function absoluteUrl(siteRootUrl: string, path: string): string {
  return `${siteRootUrl}${encodeKey(path)}`;
}

/** Where a month's preview image is, below the site root. */
export function previewPath(monthDir: string): string {
  return `${monthDir}/${PREVIEW_IMAGE}`;
}

/**
 * The links of a page of the site at `path`, previewed by `image` (a month's preview; the newest
 * month's for pages about every month) and `description`.
 */
export function pageLinksOf(
  pageConfig: Pick<PageConfig, "siteRootUrl">,
  path: string,
  preview: { image?: string; description?: string } = {},
): PageLinks {
  return { siteRootUrl: pageConfig.siteRootUrl, path, ...preview };
}

/** The links of a page about every month (home, trend, the project's pages): previewed by the newest month's image. */
export function siteWideLinks(
  summary: Pick<SiteSummary, "months">,
  pageConfig: Pick<PageConfig, "siteRootUrl">,
  path: string,
): PageLinks {
  const newest = summary.months.at(-1);
  return pageLinksOf(pageConfig, path, newest ? { image: previewPath(newest.dir) } : {});
}
