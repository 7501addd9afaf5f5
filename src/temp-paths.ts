/**
 * Temp files and folders to remove if the process exits before they are renamed into place: the
 * CLI exits at once on Ctrl-C (process.exit runs "exit" listeners, not pending finally blocks),
 * and an interrupted download or build must not leave half-written files behind. Leaf module.
 */
import { rmSync } from "node:fs";

const pending = new Set<string>();
let listening = false;

/** Remove `path` if the process exits before the returned release function is called. */
export function removeOnExit(path: string): () => void {
  if (!listening) {
    process.once("exit", () => {
      for (const p of pending) rmSync(p, { recursive: true, force: true });
    });
    listening = true;
  }
  pending.add(path);
  return () => pending.delete(path);
}
