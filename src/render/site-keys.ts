/**
 * Pure: which keys of the site bucket the home page may link to. Anyone who can write to the bucket
 * can name an object `//evil.example/x.html`; the home page must not turn that into a link off the site.
 */
import { encodeKey } from "../key-path.js";

const PROBE_ROOT = "http://site.invalid/root/";

/**
 * True when a key is a plain path under the site root: no leading `/`, no empty, `.` or `..` segment,
 * and its encoded link resolves inside the root. `//evil.example/x.html` and `a/../../b.html` are not.
 * @example isSafeSiteKey("2019/jan/final_report.html") // true
 */
export function isSafeSiteKey(key: string): boolean {
  if (key === "" || key.startsWith("/")) return false;
  if (key.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) return false;
  const url = new URL(encodeKey(key), PROBE_ROOT);
  return url.href.startsWith(PROBE_ROOT);
}

/** Keys the index leaves out because a link to them could leave the site; callers warn about them. */
export function unsafeSiteKeys(keys: readonly string[]): string[] {
  return keys.filter((key) => !isSafeSiteKey(key));
}
