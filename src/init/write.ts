/** Write init's files: never over an existing file unless the plan says overwrite (--force). */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { InitFile } from "./plan.js";

/** The plan's paths that already exist in `dir`, with their text. */
export async function readExisting(dir: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = await Promise.all(
    paths.map((p) =>
      readFile(join(dir, p), "utf8").then(
        (text) => [p, text] as const,
        () => undefined,
      ),
    ),
  );
  return new Map(found.filter((entry) => entry !== undefined));
}

/** Write the files to create or overwrite; "wx" makes a file that appeared since the plan a failure, not a loss. */
export async function writeInitFiles(dir: string, files: readonly InitFile[]): Promise<void> {
  for (const file of files) {
    if (file.action !== "create" && file.action !== "overwrite") continue;
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.body, { flag: file.action === "create" ? "wx" : "w" });
  }
}
