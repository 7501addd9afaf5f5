import { table } from "arquero";
import { mapWithConcurrency } from "../concurrency.js";
import { SourceError } from "../errors.js";
import { logProgress } from "../log.js";
import { listRawObjects } from "./list.js";
import { dateRawKey, daysInMonth, groupByMonth, monthId } from "./month.js";
import { readCsvObject } from "./read.js";
/**
 * List the raw bucket once, check that every wanted month has files, then load the months one at a
 * time (each is yielded before the next is read, so memory holds one month's rows). Throws
 * SourceError when a month cannot be built in full.
 * @example for await (const data of loadMonths(client, config, { logger })) console.log(monthId(data.month), data.table.numRows())
 */
export async function* loadMonths(client, config, options) {
    const { logger } = options;
    const { objects, pages } = await listRawObjects(client, config);
    const dated = objects.map((o) => dateRawKey(config, o)).filter((o) => o !== undefined);
    const ignored = objects.length - dated.length;
    logger.info(`listed s3://${config.raw.bucket}/${config.raw.prefix}: ${objects.length} objects in ${pages} page${pages === 1 ? "" : "s"}, ${dated.length} match ${config.raw.keyPattern.source}${ignored ? ` (${ignored} others ignored)` : ""}`);
    const byMonth = groupByMonth(dated);
    const wanted = options.months ?? [...byMonth.values()].map((m) => m.month);
    if (wanted.length === 0) {
        throw new SourceError(`no raw files in s3://${config.raw.bucket}/${config.raw.prefix} match the key pattern ${config.raw.keyPattern.source}`, undefined, undefined, {
            hint: "Check raw.bucket, raw.prefix and raw.keyPattern in site-config.json.",
        });
    }
    const missing = wanted.filter((month) => !byMonth.has(monthId(month)));
    if (missing.length) {
        throw new SourceError(`${missing.map(monthId).join(", ")}: no raw files for ${missing.length === 1 ? "this month" : "these months"} in s3://${config.raw.bucket}/${config.raw.prefix} (pattern ${config.raw.keyPattern.source})`, undefined, undefined, {
            hint: `Months with data: ${[...byMonth.keys()].join(", ") || "none"}.`,
        });
    }
    refuseRepeatedDays(wanted.map((month) => byMonth.get(monthId(month)).objects));
    for (const month of wanted)
        yield await loadMonth(client, config, month, byMonth.get(monthId(month)).objects, options);
}
async function loadMonth(client, config, month, objects, options) {
    const { logger } = options;
    const now = options.now ?? Date.now;
    const missing = missingDays(month, objects);
    if (missing.length)
        logger.warn(`${monthId(month)}: ${daysInMonth(month) - missing.length} of ${daysInMonth(month)} days have a file; missing day ${formatRanges(missing)}`);
    const parseOptions = {
        requiredColumns: config.report.requiredColumns,
        keepColumns: [...config.report.requiredColumns, ...config.report.columns],
    };
    const outcomes = await mapWithConcurrency(objects, config.raw.concurrency, async (object) => {
        const started = now();
        try {
            const file = await readCsvObject(client, config, object.key, parseOptions);
            const line = `read ${object.key}: ${file.rows} rows in ${now() - started}ms`;
            logProgress(logger, { task: monthId(month), total: objects.length, bytes: object.size, rows: file.rows, line });
            return { object, file };
        }
        catch (error) {
            if (!(error instanceof SourceError))
                throw error;
            return { object, error };
        }
    });
    const failures = outcomes.filter((o) => o.error).map((o) => ({ key: o.object.key, reason: o.error.message }));
    if (failures.length > 0 && !options.skipBadFiles) {
        throw new SourceError(`${monthId(month)}: ${failures.length} of ${objects.length} raw file${objects.length === 1 ? "" : "s"} cannot be read; no report was written for this month:\n${failures.map((f) => `  - ${f.reason}`).join("\n")}`, failures[0].key, undefined, {
            hint: "Fix or re-export the files above, or pass --skip-bad-files to publish the month without them (they are listed as a warning).",
        });
    }
    for (const failure of failures)
        logger.warn(`${monthId(month)}: skipped ${failure.reason}`);
    const good = outcomes.filter((o) => o.file !== undefined);
    if (good.length === 0)
        throw new SourceError(`${monthId(month)}: every raw file was skipped; nothing to report`, undefined, undefined);
    const data = concatenate(good.map((o) => o.file), parseOptions.keepColumns);
    logger.info(`${monthId(month)}: ${data.numRows()} rows from ${good.length} file${good.length === 1 ? "" : "s"}`);
    const objectsRead = good.map((o) => o.object);
    return { month, table: data, objects: objectsRead, skipped: failures, missingDays: missing };
}
/** Concatenate files column by column; a column missing from a file is filled with "" (pandas.concat gives NaN). */
function concatenate(files, columns) {
    const present = [...new Set(columns)].filter((c) => files.some((f) => f.columns[c]));
    const data = {};
    for (const column of present) {
        data[column] = files.flatMap((f) => f.columns[column] ?? new Array(f.rows).fill(""));
    }
    return table(data);
}
/**
 * Two keys for one day (`2019_feb_1_…` and `2019_feb_01_…`, or `jan` and `Jan`) are almost always
 * one export uploaded twice: counting both would double that day. Checked on the listing for every
 * wanted month, before any file is read.
 */
function refuseRepeatedDays(months) {
    const byDay = new Map();
    for (const o of months.flat()) {
        if (o.day === undefined)
            continue;
        const day = `${monthId(o.month)}-${String(o.day).padStart(2, "0")}`;
        byDay.set(day, [...(byDay.get(day) ?? []), o.key]);
    }
    const repeated = [...byDay].filter(([, keys]) => keys.length > 1);
    if (repeated.length === 0)
        return;
    throw new SourceError(`more than one raw file for a day, so ${repeated.length === 1 ? "that day" : "those days"} would be counted twice; nothing was built:\n${repeated.map(([day, keys]) => `  - ${day}: ${keys.join(", ")}`).join("\n")}`, repeated[0][1][1], undefined, {
        hint: "Keep one file per day below raw.prefix (move the extra copies elsewhere); raw.keyPattern decides which keys count.",
    });
}
/** The days of `month` no object is dated to; none when the key pattern has no {day}. */
function missingDays(month, objects) {
    const days = new Set(objects.map((o) => o.day).filter((d) => d !== undefined));
    if (days.size === 0)
        return [];
    return Array.from({ length: daysInMonth(month) }, (_, i) => i + 1).filter((d) => !days.has(d));
}
/** [1, 2, 3, 7, 9, 10] -> "1-3, 7, 9-10" */
export function formatRanges(numbers) {
    const ranges = [];
    for (let i = 0; i < numbers.length;) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1)
            j++;
        ranges.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]));
        i = j + 1;
    }
    return ranges.join(", ");
}
