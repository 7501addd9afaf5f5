/** Leaf: write a file whole or not at all, so a reader (or an interrupted run) never sees half of it. */
import { randomUUID } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";

/** Write `text` to a temp file beside `path`, then rename it over `path`. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
