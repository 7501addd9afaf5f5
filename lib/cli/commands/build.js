import { buildSite } from "../../build.js";
import { loadConfig } from "../../config/index.js";
import { UsageError } from "../../errors.js";
import { parseMonth } from "../../source/index.js";
import { defineCommand } from "../command.js";
export default defineCommand({
    summary: "read the raw CSVs from S3 and build every month's report into dist/",
    usage: "reportsite build [--month 2019-01]... [--skip-bad-files] [--output DIR]",
    flags: {
        "month YYYY-MM": "rebuild only this month (repeatable), keeping the other months already in the output; default: every month with raw data",
        "skip-bad-files": "publish a month without the files that fail to parse, listing them as a warning",
        "output DIR": "build into DIR instead of the config's output",
        json: "print the build report as JSON",
    },
    interrupted: "the output folder was left as it was (a build is swapped in only when complete).",
    options: {
        month: { type: "string", multiple: true },
        "skip-bad-files": { type: "boolean" },
        output: { type: "string" },
    },
    async run(values, _positionals, ctx) {
        const months = (values.month ?? [])
            .map(toMonth)
            .filter((m, i, all) => all.findIndex((o) => o.year === m.year && o.month === m.month) === i);
        const config = await loadConfig(ctx.configPath, { output: values.output });
        const report = await buildSite(config, {
            months: months.length ? months : undefined,
            skipBadFiles: values["skip-bad-files"] === true,
            logger: ctx.logger,
        });
        if (ctx.json)
            return ctx.print(JSON.stringify(report, null, 2));
        const rows = report.months.reduce((n, m) => n + m.rows, 0);
        ctx.print(`Built ${report.months.length} month${report.months.length === 1 ? "" : "s"} (${rows} rows) into ${report.output}: ${report.files} files, ${report.bytes} bytes in ${report.seconds.toFixed(1)}s`);
    },
});
function toMonth(text) {
    const month = parseMonth(text);
    if (!month)
        throw new UsageError(`--month ${text}: expected a month as YYYY-MM, e.g. 2019-01`);
    return month;
}
