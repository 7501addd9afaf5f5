/**
 * Find and read site-config.json without validating it. Kept apart from load.ts so that the CLI can
 * report a missing or unreadable config before it loads the validator and the stages behind it.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError } from "../errors.js";

/** The file name looked for when no --config is given. */
export const DEFAULT_CONFIG_FILE = "site-config.json";

/** The config file's absolute path and text; throws ConfigError when it is missing or unreadable. */
export async function readConfigText(path = DEFAULT_CONFIG_FILE): Promise<{ file: string; text: string }> {
  const file = resolve(path);
  try {
    return { file, text: await readFile(file, "utf8") };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ConfigError(`${path}: ${missing ? "file not found" : "cannot be read"}`, {
      file,
      hint: missing
        ? "Create one with `reportsite init` (or see README, Configuration), or pass --config PATH."
        : undefined,
      cause: error,
    });
  }
}
