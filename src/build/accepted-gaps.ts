/** Pure: which of a month's missing days raw.acceptedGaps accepts as permanent gaps, and why. */
import type { AcceptedGap } from "../config/index.js";
import type { AcceptedDays } from "../render/index.js";

/**
 * The missing days of month `id` (YYYY-MM) that raw.acceptedGaps accepts: a day listed in `days`, or
 * any missing day of a month listed in `months`. One entry per gap of the config that covers some.
 * @example acceptedGapsOf([{ days: ["2019-03-14"], months: [], reason: "outage" }], "2019-03", [14, 20]) // [{ days: [14], reason: "outage" }]
 */
export function acceptedGapsOf(
  gaps: readonly AcceptedGap[],
  id: string,
  missingDays: readonly number[],
): AcceptedDays[] {
  const taken = new Set<number>();
  const accepted: AcceptedDays[] = [];
  for (const gap of gaps) {
    const wholeMonth = gap.months.includes(id);
    const days = missingDays.filter(
      (d) => !taken.has(d) && (wholeMonth || gap.days.includes(`${id}-${String(d).padStart(2, "0")}`)),
    );
    if (!days.length) continue;
    for (const d of days) taken.add(d);
    accepted.push({ days, ...(gap.reason ? { reason: gap.reason } : {}) });
  }
  return accepted;
}
