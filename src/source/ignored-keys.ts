/**
 * Keys the listing has but the build does not read, said so the user can act: keys the key pattern
 * ignores (listed under --verbose; a warning when they look like a month's data, as the parts of a
 * day exported in parts do) and keys naming a day that does not exist.
 */
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import { monthId, monthsNamedBy, monthTitle, type DatedObject, type Month } from "./month.js";

/** Keys ignored by the pattern listed one per line under --verbose: past this many, a count of the rest. */
export const IGNORED_KEYS_LISTED = 100;

/** `2020_feb_30_gid_requests.csv: the key pattern dates it February 30, 2020, a day that does not exist; …` */
export function impossibleDateWarning(o: DatedObject): string {
  return `${o.key}: the key pattern dates it ${monthTitle(o.month).replace(" ", ` ${o.day}, `)}, a day that does not exist; the file was not read (rename it, or move it out of raw.prefix)`;
}

/**
 * The ignored keys that look like a month's data, by month id: of the months asked for (--month),
 * or of any month when every month is built (a month whose every key is ignored is one too).
 */
export function ignoredLookalikes(
  ignored: readonly string[],
  asked: readonly Month[] | undefined,
): Map<string, string[]> {
  const wanted = asked && new Set(asked.map(monthId));
  const found = new Map<string, string[]>();
  for (const key of ignored) {
    for (const id of monthsNamedBy(key)) {
      if (wanted && !wanted.has(id)) continue;
      const keys = found.get(id);
      if (keys) keys.push(key);
      else found.set(id, [key]);
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every ignored key under --verbose (capped); a warning for each month whose data may be among them. */
export function logIgnoredKeys(
  config: SiteConfig,
  ignored: string[],
  lookalikes: Map<string, string[]>,
  logger: Logger,
): void {
  if (ignored.length && logger.detail) {
    logger.detail(
      `${ignored.length} key${ignored.length === 1 ? "" : "s"} ignored (not ${config.raw.keyPattern.source}):`,
    );
    for (const key of ignored.slice(0, IGNORED_KEYS_LISTED)) logger.detail(`  ${key}`);
    if (ignored.length > IGNORED_KEYS_LISTED) logger.detail(`  … and ${ignored.length - IGNORED_KEYS_LISTED} more`);
  }
  for (const [id, keys] of lookalikes) logger.warn(lookalikeWarning(config, id, keys));
}

function lookalikeWarning(config: SiteConfig, id: string, keys: string[]): string {
  const many = keys.length > 1;
  return `${id}: ${keys.length} key${many ? "s" : ""} that look${many ? "" : "s"} like this month's data ${many ? "do" : "does"} not match raw.keyPattern ${config.raw.keyPattern.source} and ${many ? "were" : "was"} not read, e.g. ${keys[0]}; ${PARTS_ADVICE} (--verbose lists every ignored key)`;
}

const PARTS_ADVICE = "for a day exported in parts (…_part0001.csv), add {part} or * to raw.keyPattern";

/** For the error of a month with no files: the ignored keys that look like it, if any. */
export function lookalikeHint(missing: readonly Month[], lookalikes: Map<string, string[]>): string {
  const keys = missing.flatMap((m) => lookalikes.get(monthId(m)) ?? []);
  return keys.length
    ? ` Keys that look like it but do not match: ${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ` and ${keys.length - 3} more` : ""}; ${PARTS_ADVICE}.`
    : "";
}
