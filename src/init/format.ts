/** The lines init prints about its files. Pure. */
import type { InitFile } from "./plan.js";

const VERB: Record<InitFile["action"], string> = {
  create: "wrote",
  overwrite: "overwrote",
  unchanged: "unchanged",
  "keep (exists; --force replaces it)": "kept",
};

/** `wrote site-config.json`, `kept iam-policy.json (exists; --force replaces it)` and what differs, indented. */
export function formatInitFiles(files: readonly InitFile[]): string[] {
  return files.flatMap((file) => [
    `${VERB[file.action]} ${file.path}${file.action.startsWith("keep") ? " (exists; --force replaces it)" : ""}`,
    ...file.changes.map((change) => `    ${change}`),
  ]);
}

/** The warning when existing files that differ were kept, or undefined. */
export function formatKeptWarning(files: readonly InitFile[]): string | undefined {
  const kept = files.filter((f) => f.action.startsWith("keep")).map((f) => f.path);
  if (kept.length === 0) return undefined;
  const one = kept.length === 1;
  return `${kept.join(", ")} differ${one ? "s" : ""} from what init would write now (above) and ${one ? "was" : "were"} kept; pass --force to replace ${one ? "it" : "them"}`;
}
