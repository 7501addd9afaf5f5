/** The build step that `build` and `publish` run: --month, --require-complete and the one-line summary. */
import { IncompleteMonthError, UsageError } from "../errors.js";
import { formatDays } from "../units.js";
import type { BuildOptions, BuildReport } from "../build/index.js";
import type { SiteConfig } from "../config/index.js";
import type { Month } from "../source/index.js";
import type { CommandContext } from "./command.js";

/** What `build` (and `publish`) pass on to buildSite (`client`: one for the build and the deploy after it), with --require-complete. */
export type BuildRun = Pick<BuildOptions, "months" | "skipBadFiles" | "force" | "client"> & {
  requireComplete: boolean;
};

/**
 * Build, check --require-complete, and print the one-line summary (not under --json, where the
 * caller prints the report). Throws when a month is incomplete and --require-complete is on.
 */
export async function buildReported(config: SiteConfig, ctx: CommandContext, run: BuildRun): Promise<BuildReport> {
  const { buildSite } = await import("../build/index.js");
  const { requireComplete, ...options } = run;
  const report = await buildSite(config, { ...options, logger: ctx.logger });
  if (requireComplete) checkComplete(report);
  if (ctx.json) return report;
  const rows = report.months.reduce((n, m) => n + m.rows, 0);
  const rebuilt = report.months.filter((m) => m.status === "rebuilt").length;
  const skipped = report.months.filter((m) => m.status === "skipped").map((m) => m.month);
  const built = report.months.length - skipped.length;
  const left = skipped.length ? `; ${skipped.length} left out, no file could be read: ${skipped.join(", ")}` : "";
  ctx.print(
    `Built ${built} month${built === 1 ? "" : "s"} (${rows} rows; ${rebuilt} rebuilt, ${built - rebuilt} reused from the cache${left}) into ${report.output}${report.written ? "" : " (unchanged)"}: ${report.files} files, ${report.bytes} bytes in ${report.seconds.toFixed(1)}s`,
  );
  return report;
}

/** The months of --month (undefined when none is given: every month). */
export async function monthsOf(texts: string[] | undefined): Promise<Month[] | undefined> {
  return texts?.length ? toMonths(texts) : undefined;
}

/**
 * The months --month names, without repeats; `previous` and `current` are read on the UTC calendar,
 * and `2019-01..2019-06` is every month from the first to the last (a backfill).
 */
async function toMonths(texts: string[], now = new Date()): Promise<Month[]> {
  const { parseMonth, monthId } = await import("../source/index.js");
  const one = (text: string): Month => {
    const shift = { previous: -1, current: 0 }[text];
    if (shift !== undefined) {
      const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + shift, 1));
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
    }
    const month = parseMonth(text);
    if (!month)
      throw new UsageError(
        `--month ${text}: expected a month as YYYY-MM (e.g. 2019-01), previous, current, or a range such as 2019-01..2019-06`,
      );
    return month;
  };
  const months = texts.flatMap((text) => {
    const [from, to, ...rest] = text.split("..");
    if (to === undefined) return [one(text)];
    const range = monthRange(one(from!), one(to));
    if (rest.length || !range.length)
      throw new UsageError(`--month ${text}: a range goes from an earlier month to a later one, e.g. 2019-01..2019-06`);
    return range;
  });
  return months.filter((m, i) => months.findIndex((o) => monthId(o) === monthId(m)) === i);
}

/** Every month from `from` to `to`, both included (none when `to` is before `from`). */
function monthRange(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let i = from.year * 12 + from.month - 1; i <= to.year * 12 + to.month - 1; i++)
    months.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return months;
}

/**
 * --require-complete: a month this run built (from the listing) with days that have no raw file and
 * are not accepted in raw.acceptedGaps, or with unreadable files, fails the run (the workflow then does
 * not deploy). Months reused from the cache (not named by --month) were judged when they were built.
 */
function checkComplete(report: BuildReport): void {
  const unaccepted = (m: BuildReport["months"][number]) => m.missingDays.filter((d) => !m.acceptedDays.includes(d));
  const incomplete = report.months.filter((m) => m.requested && (unaccepted(m).length > 0 || m.skipped.length > 0));
  if (!incomplete.length) return;
  const lines = incomplete.map(
    (m) =>
      `  - ${m.month}: ${[
        unaccepted(m).length ? `no raw file for day ${formatDays(unaccepted(m))}` : "",
        m.skipped.length ? `${m.skipped.length} file(s) skipped as unreadable` : "",
      ]
        .filter(Boolean)
        .join("; ")}`,
  );
  throw new IncompleteMonthError(
    `--require-complete: ${incomplete.length} month(s) are incomplete:\n${lines.join("\n")}`,
    {
      hint: `${report.output} holds this build, but do not deploy it: wait for the missing exports and build again, build without --require-complete to publish the month with its gaps named, or accept a permanent gap in raw.acceptedGaps of site-config.json.`,
    },
  );
}

/** The build flags of `build` and `publish`. */
export const BUILD_OPTIONS = {
  month: { type: "string", multiple: true },
  "require-complete": { type: "boolean" },
  "skip-bad-files": { type: "boolean" },
} as const;
