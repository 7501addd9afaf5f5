/** preview --watch: re-render when a template, a branding file or the config changes, then reload the open pages. */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import type { BuildOptions } from "../build/index.js";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";

/** What a rebuild is made from, besides the raw data: the files and folders preview --watch watches. */
export interface WatchedPaths {
  /** Single files: the config, the logo, the favicon. */
  files: string[];
  /** Folders, watched with everything below them: the built-in templates, site.templates, site.pages. */
  folders: string[];
}

/** What a rebuild needs; the CLI passes its config loader and the running preview. */
export interface WatchOptions extends WatchedPaths {
  logger: Logger;
  /** Build the site again (the CLI re-reads the config first, so config edits count). */
  rebuild(): Promise<void>;
  /** Reload the open pages. */
  reload(): void;
}

/** Edits arrive as bursts of events (save, rename, chmod); one rebuild per burst. */
export const WATCH_DEBOUNCE_MS = 200;

/** The config's file, its branding files and folders, and the built-in templates folder. */
export function watchedPaths(config: SiteConfig, templatesDir: string): WatchedPaths {
  const { logo, favicon, templates, pages } = config.site;
  const given = (paths: (string | undefined)[]) => paths.filter((p): p is string => p !== undefined);
  return { files: given([config.file, logo, favicon]), folders: given([templatesDir, templates, pages]) };
}

/** Watch the folders and files of `options`; returns a function that stops watching. */
export function watchSite(options: WatchOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) return void (again = true);
    running = options
      .rebuild()
      .then(() => options.reload())
      .catch((error: Error) => options.logger.warn(`rebuild failed, still serving the last build: ${error.message}`));
    await running;
    running = undefined;
    if (again) {
      again = false;
      void run();
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), WATCH_DEBOUNCE_MS);
  };
  const watchers = startWatchers(options, changed);
  return () => {
    clearTimeout(timer);
    watchers.forEach((w) => w.close());
  };
}

/** One watcher per folder; a path that cannot be watched (a folder not made yet) is a warning, not the end of preview. */
function startWatchers(options: WatchOptions, changed: () => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  const start = (path: string, begin: () => FSWatcher) => {
    try {
      watchers.push(begin());
    } catch (error) {
      options.logger.warn(`cannot watch ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  for (const folder of options.folders) start(folder, () => watch(folder, { recursive: true }, changed));
  // editors replace a file on save, so watch its folder and filter by name
  const names = new Map<string, Set<string>>();
  for (const file of options.files)
    names.set(dirname(file), (names.get(dirname(file)) ?? new Set()).add(basename(file)));
  for (const [folder, inFolder] of names)
    start(folder, () => watch(folder, (_event, name) => name !== null && inFolder.has(name) && changed()));
  return watchers;
}

/** The build options of a watch rebuild: offline re-renders from the incremental build cache, with no S3 reads. */
export function watchBuildOptions(logger: Logger): BuildOptions {
  return { logger, offline: true };
}
