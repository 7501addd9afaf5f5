/** What a build warns of a month's raw files: days without a file, and count columns some files lack. */
import type { AbsentColumn } from "../state/index.js";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import { monthId, type MonthFiles } from "../source/index.js";
import { formatCount, formatDays } from "../units.js";
import { acceptedGapsOf } from "./accepted-gaps.js";

/** Days without a raw file: warned of, unless raw.acceptedGaps accepts them (then only said). */
export function warnMissingDays(config: SiteConfig, files: MonthFiles, logger: Logger): void {
  const id = monthId(files.month);
  const accepted = new Set(acceptedGapsOf(config.raw.acceptedGaps, id, files.missingDays).flatMap((g) => g.days));
  const missing = files.missingDays.filter((d) => !accepted.has(d));
  if (missing.length) logger.warn(`${id}: no raw file for day ${formatDays(missing)}`);
  if (accepted.size)
    logger.info(`${id}: no raw file for day ${formatDays([...accepted])} (accepted in raw.acceptedGaps)`);
}

/** How many keys a warning names before "and N more". */
const KEYS_SHOWN = 5;

/** A column some files lack is read as empty there (as pandas.concat does): said, so no one mistakes it for data. */
export function warnAbsentColumns(id: string, absent: readonly AbsentColumn[], files: number, logger: Logger): void {
  for (const { column, keys } of absent) {
    const shown = keys.slice(0, KEYS_SHOWN).join(", ");
    const more = keys.length > KEYS_SHOWN ? ` and ${formatCount(keys.length - KEYS_SHOWN)} more` : "";
    logger.warn(
      `${id}: column "${column}" is not in ${formatCount(keys.length)} of ${formatCount(files)} raw files, so their rows are counted as blank there (as pandas.concat reads them): ${shown}${more}`,
    );
  }
}
