import { BUILD_OPTIONS, buildReported, monthsOf } from "../build-step.js";
import { defineCommand } from "../command.js";

export default defineCommand({
  usage:
    "reportsite build [--month 2019-01|previous|current]... [--require-complete] [--force] [--skip-bad-files] [--output DIR]",
  flags: {
    "month YYYY-MM":
      "read only this month from S3 (repeatable; `previous` is last month, `current` this one, in UTC; `2019-01..2019-06` a range); other months come from the cache or the previous output; default: every month with raw data",
    "require-complete":
      "fail (exit 1) when a month built now (not one reused from the cache) has days without a raw file that raw.acceptedGaps does not accept, naming the days",
    force: "read every raw file again instead of reusing the counts in the cache",
    "skip-bad-files": "publish a month without the files that fail to parse, listing them as a warning",
    "output DIR": "build into DIR instead of the config's output",
    json: "print the build report as JSON",
  },
  interrupted: "the output folder was left as it was (a build is swapped in only when complete).",
  options: {
    ...BUILD_OPTIONS,
    force: { type: "boolean" },
    output: { type: "string" },
  },
  async run(values, _positionals, ctx) {
    const months = await monthsOf(values.month);
    const config = await ctx.loadConfig({ output: values.output });
    const report = await buildReported(config, ctx, {
      months,
      skipBadFiles: values["skip-bad-files"] === true,
      force: values.force === true,
      requireComplete: values["require-complete"] === true,
    });
    if (ctx.json) ctx.print(JSON.stringify(report, null, 2));
  },
});
