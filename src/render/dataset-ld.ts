/**
 * Pure: a report page's schema.org Dataset (JSON-LD), so that search engines' dataset search finds the
 * month's CSV. Printed with jsonForScript: no value (a hostile title) can close the script element.
 */
import { daysInMonth } from "../calendar.js";
import { absoluteUrl, canonicalPath } from "./head-links.js";
import type { MonthFacts, PageConfig } from "./site-input.js";

/** What a report page's Dataset names. */
export interface DatasetFacts {
  month: Pick<MonthFacts, "id" | "title">;
  /** The report's title (the site's title for the one report of the `report` shorthand). */
  title: string;
  description: string;
  /** Paths below the site root of the page and of the month's CSV. */
  pagePath: string;
  csvPath: string;
}

/**
 * The Dataset as plain data (schema.org's names).
 * @example datasetJsonLd(pageConfig, { month, title: "Requests", description: "…", pagePath: "2019/jan/", csvPath: "2019/jan/final_report.csv" }).temporalCoverage // "2019-01-01/2019-01-31"
 */
export function datasetJsonLd(pageConfig: Pick<PageConfig, "siteRootUrl" | "siteTitle">, facts: DatasetFacts) {
  const { siteRootUrl, siteTitle } = pageConfig;
  const [year, month] = facts.month.id.split("-").map(Number) as [number, number];
  const last = String(daysInMonth(year, month)).padStart(2, "0");
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: `${facts.title}, ${facts.month.title}`,
    description: facts.description,
    url: absoluteUrl(siteRootUrl, canonicalPath(facts.pagePath)),
    temporalCoverage: `${facts.month.id}-01/${facts.month.id}-${last}`,
    isAccessibleForFree: true,
    includedInDataCatalog: { "@type": "DataCatalog", name: siteTitle, url: siteRootUrl },
    distribution: [
      { "@type": "DataDownload", contentUrl: absoluteUrl(siteRootUrl, facts.csvPath), encodingFormat: "text/csv" },
    ],
  };
}
