import { aggregateReport } from "./aggregate/index.js";
import { renderErrorPage, renderIndexPage, renderMonthPages, TEMPLATES_DIR } from "./render/index.js";
import { createS3Client, encodeKey, websiteRoot } from "./s3/index.js";
import { checkOutputFolder, isBuiltSite, readChartAssets, readKeptFiles, writeSite, } from "./site/index.js";
import { formatRanges, loadMonths, monthAbbreviation, monthId, monthTitle } from "./source/index.js";
/**
 * Build every wanted month into config.output, replacing it only when everything succeeded. With
 * `months`, only those are rebuilt and the other months' files of the previous build are kept.
 */
export async function buildSite(config, options) {
    const started = Date.now();
    const client = options.client ?? createS3Client(config);
    await checkOutputFolder(config.output); // before any raw data is read
    if (options.months && !(await isBuiltSite(config.output))) {
        options.logger.warn(`${config.output} holds no earlier build, so the site will have only the months built now; \`deploy --delete\` would unpublish the others (build every month, or deploy without --delete)`);
    }
    const files = [];
    const summary = [];
    // one month's rows in memory at a time: each is aggregated and rendered before the next is read
    for await (const data of loadMonths(client, config, {
        months: options.months,
        skipBadFiles: options.skipBadFiles,
        logger: options.logger,
    })) {
        const report = aggregateReport(data.table, config.report);
        const dir = monthDir(config.site.monthPath, data.month);
        const gaps = { missingDays: formatRanges(data.missingDays), skippedFiles: data.skipped.length };
        files.push(...(await renderMonthPages({ monthTitle: monthTitle(data.month), dir, report, fileCount: data.objects.length, ...gaps }, { ...config.report, siteTitle: config.site.title, files: config.site.files })));
        summary.push({
            month: monthId(data.month),
            rows: report.totalRows,
            files: data.objects.length,
            skipped: data.skipped.map((s) => s.key),
            missingDays: data.missingDays,
        });
        options.logger.info(`${monthId(data.month)}: ${report.counts.numRows()} groups -> ${dir}/`);
    }
    const siteRoot = `${websiteRoot(config, config.site.bucket)}${encodeKey(config.site.prefix)}`;
    files.push({ path: "error.html", body: renderErrorPage(config.site.title, siteRoot) }, ...(await readChartAssets(TEMPLATES_DIR)));
    if (options.months) {
        // a build of some months updates them in the site and keeps the others, so the index (and a
        // later `deploy --delete`) still has every month
        const kept = await readKeptFiles(config.output, new Set(files.map((f) => f.path)));
        files.push(...kept.map((f) => ({ path: f.key, body: f.body, modified: f.modified })));
        if (kept.length)
            options.logger.info(`kept ${kept.length} files of other months from ${config.output}`);
    }
    const now = (options.now ?? (() => new Date()))();
    const entries = files.map((f) => ({ key: f.path, size: byteLength(f.body), lastModified: f.modified ?? now }));
    files.push({ path: "index.html", body: renderIndexPage(entries, { title: config.site.title }) });
    await writeSite(files, config.output);
    const bytes = files.reduce((sum, f) => sum + byteLength(f.body), 0);
    return { output: config.output, months: summary, files: files.length, bytes, seconds: (Date.now() - started) / 1000 };
}
/** The folder of a month in the site: `{year}/{mon}` -> `2019/jan`. */
export function monthDir(template, month) {
    return template
        .replaceAll("{year}", String(month.year))
        .replaceAll("{mon}", monthAbbreviation(month))
        .replaceAll("{month}", String(month.month).padStart(2, "0"));
}
function byteLength(body) {
    return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
