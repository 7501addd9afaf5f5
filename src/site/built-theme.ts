/**
 * The title and theme a build rendered the pages with, kept in the output folder beside the build
 * marker (and, like it, never deployed). Deploy renders index.html again from the bucket listing: with
 * this record it renders it in the build's look, naming the logo the build copied into the folder,
 * whatever the project's branding files have become since (a logo replaced or deleted after the build).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IndexPageOptions } from "../render/index.js";

/** The record's file name in the output folder. */
export const BUILT_THEME = ".reportsite-theme.json";

/** What the build rendered index.html with, besides the file list and summary.json: config.site.title and the theme at build time. */
export type BuiltTheme = Required<Pick<IndexPageOptions, "title" | "theme">>;

/** The record's bytes, as the build writes them. */
export function builtThemeText(built: BuiltTheme): string {
  return `${JSON.stringify({ format: BUILT_THEME_FORMAT, ...built }, null, 2)}\n`;
}

/**
 * Bump when the record's meaning changes: a record of another format is then a problem (deploy warns
 * and falls back to the project's theme) until a build writes it again.
 */
const BUILT_THEME_FORMAT = 1;

/** Whether `output` holds the record of exactly `built` (the bytes a build would write). */
export async function holdsBuiltTheme(output: string, built: BuiltTheme): Promise<boolean> {
  const text = await readFile(join(output, BUILT_THEME), "utf8").catch(() => undefined);
  return text === builtThemeText(built);
}

/**
 * The record in `output`; undefined when there is none (a folder built by an earlier version of
 * reportsite, or written by hand); the problem when it is damaged. Never throws: the caller falls back.
 */
export async function readBuiltTheme(output: string): Promise<{ built: BuiltTheme } | { problem: string } | undefined> {
  const path = join(output, BUILT_THEME);
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => error);
  if (text instanceof Error)
    return text.code === "ENOENT" ? undefined : { problem: `cannot read ${path} (${text.code ?? text.message})` };
  const built = parseBuiltTheme(text);
  return built ? { built } : { problem: `${path} is damaged (not a theme record this version of reportsite wrote)` };
}

/** The record in `text`, or undefined when it is not one of this format. */
export function parseBuiltTheme(text: string): BuiltTheme | undefined {
  let record: { format?: unknown; title?: unknown; theme?: Record<string, unknown> };
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    return undefined;
  }
  const theme = record?.theme;
  if (record?.format !== BUILT_THEME_FORMAT || typeof record.title !== "string" || !isObject(theme)) return undefined;
  const optional = (value: unknown) => value === undefined || typeof value === "string";
  const valid =
    typeof theme.lang === "string" &&
    [theme.accentColor, theme.description, theme.footer, theme.logo].every(optional) &&
    (theme.favicon === undefined || hasStrings(theme.favicon, ["path", "type"])) &&
    everyHasStrings(theme.templates, ["name", "file", "source"]) &&
    everyHasStrings(theme.pages, ["name", "file", "format", "source"]) &&
    (theme.pages as { format: string }[]).every((p) => p.format === "markdown" || p.format === "html");
  return valid ? { title: record.title, theme: theme as unknown as BuiltTheme["theme"] } : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasStrings(value: unknown, keys: readonly string[]): boolean {
  return isObject(value) && keys.every((k) => typeof value[k] === "string");
}

function everyHasStrings(value: unknown, keys: readonly string[]): boolean {
  return Array.isArray(value) && value.every((item) => hasStrings(item, keys));
}
