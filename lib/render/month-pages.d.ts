/** Pure: one month's report -> its CSV, table page and chart page. */
import type { Report } from "../aggregate/index.js";
/** A file of the site: its path relative to the site root and its bytes. */
export interface SiteFile {
    /** e.g. `2019/jan/final_report.csv` */
    path: string;
    body: string | Uint8Array;
}
/** Everything a month's pages show. */
export interface MonthPagesInput {
    /** `January 2019` */
    monthTitle: string;
    /** Folder of the month in the site, e.g. `2019/jan`. */
    dir: string;
    report: Report;
    fileCount: number;
    /** Days without a raw file, as ranges (`4-6, 9`); empty when complete or unknown. */
    missingDays: string;
    /** Raw files left out because they could not be read (--skip-bad-files). */
    skippedFiles: number;
}
/** Site-wide settings the pages need. */
export interface MonthPagesSettings {
    siteTitle: string;
    files: {
        csv: string;
        table: string;
        chart: string;
    };
    groupBy: readonly string[];
    chartField: string;
    /** Table columns, from groupBy + "count". */
    columns: readonly string[];
    linkColumns: readonly string[];
}
/** Render a month's three files. */
export declare function renderMonthPages(input: MonthPagesInput, settings: MonthPagesSettings): Promise<SiteFile[]>;
