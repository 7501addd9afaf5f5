/** preview --watch: re-render when a template or the config changes, then reload the open pages. */
import { watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { BuildOptions } from "../build/index.js";
import type { Logger } from "../log.js";

/** What a rebuild needs; the CLI passes its config loader and the running preview. */
export interface WatchOptions {
  configFile: string;
  templatesDir: string;
  logger: Logger;
  /** Build the site again (the CLI re-reads the config first, so config edits count). */
  rebuild(): Promise<void>;
  /** Reload the open pages. */
  reload(): void;
}

/** Edits arrive as bursts of events (save, rename, chmod); one rebuild per burst. */
export const WATCH_DEBOUNCE_MS = 200;

/** Watch the templates folder and the config file; returns a function that stops watching. */
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
  const watchers = [
    watch(options.templatesDir, { recursive: true }, changed),
    // editors replace a file on save, so watch its folder and filter by name
    watch(dirname(options.configFile), (_event, name) => name === basename(options.configFile) && changed()),
  ];
  return () => {
    clearTimeout(timer);
    watchers.forEach((w) => w.close());
  };
}

/** The build options of a watch rebuild: offline re-renders from the incremental build cache, with no S3 reads. */
export function watchBuildOptions(logger: Logger): BuildOptions {
  return { logger, offline: true };
}
