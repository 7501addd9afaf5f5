/**
 * Read the project's branding files: the logo and favicon (copied into the site under assets/), the
 * template overrides (site.templates) and the project's own pages (site.pages). Every problem is a
 * ConfigError naming the key and the file, raised before the build reads raw data or writes anything.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { SiteConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import type { ProjectPage, SiteFile, TemplateOverride, Theme } from "../render/index.js";
import { ASSETS_FOLDER, ERROR_DOCUMENT, INDEX_DOCUMENT, SUMMARY_CSV, SUMMARY_JSON, TREND_PAGE } from "../site-names.js";

/** The project's branding: what the pages need, the image files to publish, and a fingerprint of both. */
export interface ProjectTheme {
  /** As the render stage takes it; the logo and favicon are named by their paths among `assets`. */
  theme: Theme;
  /** The logo and favicon as site files (named by their bytes' fingerprint, so a new logo is never a cached old one). */
  assets: SiteFile[];
  /** Changes whenever any branding file or key changes (part of the page cache's key). */
  fingerprint: string;
}

const LOGO_TYPES = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];
const FAVICON_TYPES = [...LOGO_TYPES, ".ico"];
/**
 * Page names the site itself uses at its root (`index`, `error`, `trend`, `summary`): the stems of its
 * fixed files, so that a page cannot be published over one, nor beside one under the same name.
 */
const RESERVED_PAGES = [
  ...new Set(
    [INDEX_DOCUMENT, ERROR_DOCUMENT, TREND_PAGE, SUMMARY_JSON, SUMMARY_CSV].map((n) => basename(n, extname(n))),
  ),
];
const PAGE_FORMATS: Record<string, "markdown" | "html"> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
};

/**
 * Read the branding files config.site names. `templateNames` are the built-in templates an override may replace.
 * @example const { theme, assets } = await readTheme(config, TEMPLATE_NAMES)
 */
export async function readTheme(config: SiteConfig, templateNames: readonly string[]): Promise<ProjectTheme> {
  const site = config.site;
  const assets: SiteFile[] = [];
  const logo = site.logo ? await readImage(config, "logo", site.logo, LOGO_TYPES) : undefined;
  if (logo) assets.push(logo);
  let favicon = logo;
  if (site.favicon) assets.push((favicon = await readImage(config, "favicon", site.favicon, FAVICON_TYPES)));
  const theme: Theme = {
    lang: site.lang,
    ...optional({ accentColor: site.accentColor, description: site.description, footer: site.footer }),
    ...(logo ? { logo: logo.path } : {}),
    ...(favicon
      ? { favicon: { path: favicon.path, type: (await import("./headers.js")).headersFor(favicon.path).contentType } }
      : {}),
    templates: site.templates ? await readTemplates(config, site.templates, templateNames) : [],
    pages: site.pages ? await readPages(config, site.pages) : [],
  };
  const hash = createHash("sha256").update(JSON.stringify(theme));
  for (const asset of assets) hash.update(asset.body);
  return { theme, assets, fingerprint: hash.digest("hex") };
}

function optional<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An image copied to `assets/<key>-<fingerprint>.<ext>`. */
async function readImage(config: SiteConfig, key: string, file: string, types: string[]): Promise<SiteFile> {
  const ext = extname(file).toLowerCase();
  if (!types.includes(ext))
    throw problem(config, `site.${key}: "${file}" must be an image file ending in ${types.join(", ")}`);
  const body = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw problem(config, `site.${key}: cannot read "${file}" (${error.code ?? error.message})`, error);
  });
  // an SVG opened on its own runs its scripts in the site's origin
  if (ext === ".svg" && /<script|\bon[a-z]+\s*=|javascript:/i.test(body.toString("utf8")))
    throw problem(
      config,
      `site.${key}: "${file}" contains script (a <script> element, an on… attribute or a javascript: URL); publish an SVG without scripts, or a PNG`,
    );
  const fingerprint = createHash("sha256").update(body).digest("hex").slice(0, 8);
  return { path: `${ASSETS_FOLDER}${key}-${fingerprint}${ext === ".jpeg" ? ".jpg" : ext}`, body };
}

async function readTemplates(config: SiteConfig, dir: string, names: readonly string[]) {
  const templates: TemplateOverride[] = [];
  for (const entry of await listFolder(config, "templates", dir)) {
    if (!entry.endsWith(".eta")) continue;
    const name = entry.slice(0, -".eta".length);
    if (!names.includes(name))
      throw problem(
        config,
        `site.templates: ${join(dir, entry)} does not replace a built-in template; overridable templates are ${names.map((n) => `${n}.eta`).join(", ")}`,
      );
    const file = join(dir, entry);
    templates.push({ name, file, source: await readFile(file, "utf8") });
  }
  return templates;
}

async function readPages(config: SiteConfig, dir: string) {
  const pages: ProjectPage[] = [];
  for (const entry of await listFolder(config, "pages", dir)) {
    const format = PAGE_FORMATS[extname(entry).toLowerCase()];
    if (!format) continue;
    const name = entry.slice(0, -extname(entry).length);
    const file = join(dir, entry);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || RESERVED_PAGES.includes(name.toLowerCase()))
      throw problem(
        config,
        `site.pages: ${file}: a page is published as <name>.html, so its name must be letters, digits, "-" or "_" and not ${RESERVED_PAGES.join(", ")}`,
      );
    if (pages.some((p) => p.name === name))
      throw problem(config, `site.pages: ${file}: another page is also named "${name}" (both would be ${name}.html)`);
    pages.push({ name, file, format, source: await readFile(file, "utf8") });
  }
  return pages;
}

/** The folder's file names, sorted (so the navigation's order is the file names' order). */
async function listFolder(config: SiteConfig, key: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw problem(config, `site.${key}: cannot read the folder "${dir}" (${error.code ?? error.message})`, error);
  });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

function problem(config: SiteConfig, message: string, cause?: unknown): ConfigError {
  return new ConfigError(message, {
    file: config.file,
    problems: [message],
    cause,
    hint: "Paths in site-config.json are relative to its folder; README, Branding shows the layout of a site/ folder.",
  });
}
