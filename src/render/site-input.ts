/** What the build hands the render stage: every month's numbers, and the part of the config the pages need. */
import type { Report } from "../aggregate/index.js";
import type { CatalogConfig, ChangeSettings, MapShapes, ReportDefinition } from "../config/index.js";
import type { AcceptedDays } from "./compare.js";
import type { Theme } from "./theme.js";

/**
 * What the pages say about a month besides its numbers: which month, where its pages are, and how
 * complete its raw files were. The render input (MonthReport) and summary.json (MonthSummary) both
 * carry it, so a carried-over month's card reads the same as one built now.
 */
export interface MonthFacts {
  /** `2019-01` */
  id: string;
  /** `January 2019` */
  title: string;
  /** Folder of the month in the site (config.site.monthPath applied), e.g. `2019/jan`. */
  dir: string;
  /** Raw daily files counted. */
  files: number;
  /** Days of the month without a raw file. */
  missingDays: number[];
  /** Which of missingDays are accepted as permanent gaps (raw.acceptedGaps), and why; absent in summaries of older builds. */
  acceptedGaps?: AcceptedDays[];
  /** Days whose file had a header but no rows (no requests that day). */
  emptyDays: number[];
  /** Raw files left out with --skip-bad-files. */
  skippedFiles: number;
  /** ISO date-time: the newest LastModified among the month's raw objects, when known. */
  dataAsOf?: string;
}

/** One month of the site, as the build hands it to the render stage (oldest month first in the array). */
export interface MonthReport extends MonthFacts {
  /** Counts per group (largest first), the chart's breakdown and the rows read: the site's first report. */
  report: Report;
  /**
   * Every report's numbers for the month, in the order of PageConfig.reports (the first is `report`
   * again); absent when the site has one report from the `report` shorthand.
   */
  reports?: readonly MonthReportOf[];
  /** Count columns some daily files do not have (their requests are "(blank)" there): how many files, which days. */
  absentColumns?: { column: string; files: number; days: number[] }[];
}

/** One report's numbers for one month, with what it is. */
export interface MonthReportOf {
  definition: ReportDefinition;
  report: Report;
}

/** The part of the config every page needs (from site-config.json, with the site URL and the branding). */
export interface PageConfig {
  siteTitle: string;
  /** File names of a month's pages, e.g. `final_report.csv`. */
  files: { csv: string; table: string; chart: string };
  groupBy: readonly string[];
  chartField: string;
  /** Table columns, from groupBy + "count". */
  columns: readonly string[];
  linkColumns: readonly string[];
  /** Human labels of columns (`service_name` -> "Service type"); missing ones are derived from the name. */
  labels: Readonly<Record<string, string>>;
  /**
   * The site's reports when the config lists them (`reports`): each gets its own pages, and a
   * month's folder index is the overview of them all. Absent: one report from the `report` shorthand,
   * whose table is the month's folder index.
   */
  reports?: readonly ReportDefinition[];
  /** Website URL of the site root, ending in `/` (the error page's links must be absolute). */
  siteRootUrl: string;
  /** How "what changed" tells a month's unusual groups (site.changes); the defaults when absent. */
  changes?: ChangeSettings;
  /** The project's branding, template overrides and pages (site.logo, site.templates, …); the built-in look when absent. */
  theme?: Theme;
  /** Who publishes the reports (site.catalog): data.json, the DCAT-US catalog, is written only with it. */
  catalog?: CatalogConfig;
  /** The maps: per report id with a map (the shorthand's is `final_report`), its key and shapes; and the basemap. Absent without maps. */
  maps?: PageMaps;
  /** The `report` shorthand's report has `points`: each month has its page of locations. */
  shorthandPoints?: boolean;
}

/** What the pages' maps are drawn from (the shapes as published under assets/). */
export interface PageMaps {
  readonly areas: Readonly<Record<string, { readonly key: string; readonly shapes: MapShapes }>>;
  readonly basemap?: MapShapes;
}

/** A file of the site: its path relative to the site root and its bytes (rendered here, written by the site stage). */
export interface SiteFile {
  /** e.g. `2019/jan/final_report.csv` */
  path: string;
  body: string | Uint8Array;
  /** Keep this modification time when written (a file carried over from the previous build); default now. */
  modified?: Date;
}
