/** Write init's files: never over an existing file unless the plan says overwrite (--force). */
import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { InitFile } from "./plan.js";

/** The plan's paths that already exist in `dir`. */
export async function listExisting(dir: string, paths: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    paths.map((p) =>
      access(join(dir, p)).then(
        () => p,
        () => undefined,
      ),
    ),
  );
  return new Set(found.filter((p): p is string => p !== undefined));
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
