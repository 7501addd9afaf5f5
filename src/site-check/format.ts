/** Pure: a site check's report as a table for the terminal and as Markdown for a CI step summary. */
import type { SiteCheck, SiteCheckReport } from "./check.js";

const COLUMNS = ["result", "check", "expected", "got", "url"] as const;

/** Aligned columns, one check a line, and a last line counting the failures. */
export function formatCheckTable(report: SiteCheckReport): string[] {
  const rows = report.checks.map((c) => COLUMNS.map((column) => cell(c, column)));
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((text, i) => (i === cells.length - 1 ? text : text.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(COLUMNS), ...rows.map(line), verdict(report)];
}

/** The same table in GitHub-flavoured Markdown, under a heading naming the site. */
export function formatCheckMarkdown(report: SiteCheckReport): string {
  const escape = (text: string) => text.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
  const rows = report.checks.map((c) => `| ${COLUMNS.map((column) => escape(cell(c, column))).join(" | ")} |`);
  return [
    `## What the public sees at ${escape(report.url)}`,
    "",
    `| ${COLUMNS.join(" | ")} |`,
    `| ${COLUMNS.map(() => "---").join(" | ")} |`,
    ...rows,
    "",
    escape(verdict(report)),
    "",
  ].join("\n");
}

/** The checks that failed. */
export function failedChecks(report: SiteCheckReport): SiteCheck[] {
  return report.checks.filter((c) => c.result === "failed");
}

function verdict(report: SiteCheckReport): string {
  const failed = failedChecks(report).length;
  const skipped = report.checks.filter((c) => c.result === "skipped").length;
  const counted = `${report.checks.length} checks, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
  return failed ? `FAILED: ${counted}.` : `All good: ${counted}.`;
}

function cell(check: SiteCheck, column: (typeof COLUMNS)[number]): string {
  return column === "result" ? (check.result === "failed" ? "FAILED" : check.result) : check[column];
}
