/**
 * Pure: data.json, the site's DCAT-US 1.1 catalog (Project Open Data metadata schema), which open-data
 * portals such as data.gov and CKAN/Socrata harvesters read. One dataset per report (the series of
 * its months), with one distribution per month's CSV: a harvester then lists one dataset that grows
 * each month instead of a new dataset every month.
 */
import type { CatalogConfig } from "../config/index.js";
import { DATA_CATALOG, TREND_PAGE } from "../site-names.js";
import { monthUpdated } from "./feed.js";
import { absoluteUrl } from "./head-links.js";
import type { PageConfig } from "./site-input.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

const SCHEMA = "https://project-open-data.cio.gov/v1.1/schema";

/** A report of the catalog: its id, title and description, and its CSV of a month (undefined: none that month). */
interface CatalogReport {
  id: string;
  title: string;
  description: string;
  csvOf: (month: MonthSummary) => string | undefined;
}

/**
 * data.json for `catalog` (site.catalog), every value a JSON string (JSON.stringify escapes it).
 * @example renderCatalog(summary, pageConfig, { publisher: "City", contact: { name: "Open data", email: "data@city.gov" } })
 */
export function renderCatalog(summary: SiteSummary, pageConfig: PageConfig, catalog: CatalogConfig): string {
  const { siteRootUrl } = pageConfig;
  const document = {
    "@context": `${SCHEMA}/catalog.jsonld`,
    "@id": absoluteUrl(siteRootUrl, DATA_CATALOG),
    "@type": "dcat:Catalog",
    conformsTo: SCHEMA,
    describedBy: `${SCHEMA}/catalog.json`,
    dataset: catalogReports(summary, pageConfig).map((report) => dataset(report, summary, pageConfig, catalog)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The reports of the site: each `reports` entry, or the one report of the `report` shorthand. */
function catalogReports(summary: SiteSummary, pageConfig: PageConfig): CatalogReport[] {
  if (!pageConfig.reports) {
    const groups = summary.groupBy.map((c) => summary.labels[c] ?? c).join(", ");
    return [
      {
        id: "requests",
        title: pageConfig.siteTitle,
        description: `Service requests per month, counted per ${groups}.`,
        csvOf: (month) => month.links.csv,
      },
    ];
  }
  return pageConfig.reports.map((definition) => ({
    id: definition.id,
    title: definition.title,
    description: definition.description ?? `${definition.title}, per month.`,
    csvOf: (month) => month.reports?.find((r) => r.id === definition.id)?.links.csv,
  }));
}

/** One report as a DCAT-US dataset: its months' CSVs as distributions. */
function dataset(report: CatalogReport, summary: SiteSummary, pageConfig: PageConfig, catalog: CatalogConfig) {
  const { siteRootUrl } = pageConfig;
  const months = summary.months.filter((m) => report.csvOf(m) !== undefined);
  const first = months[0];
  const last = months.at(-1);
  return {
    "@type": "dcat:Dataset",
    title: report.title,
    description: report.description,
    keyword: catalog.keywords ?? ["311", "service requests"],
    // a catalog with no month yet is still valid: its datasets are as new as the epoch
    modified: (last ? monthUpdated(last) : new Date(0)).toISOString(),
    publisher: { "@type": "org:Organization", name: catalog.publisher },
    contactPoint: { "@type": "vcard:Contact", fn: catalog.contact.name, hasEmail: `mailto:${catalog.contact.email}` },
    identifier: `${siteRootUrl}#${report.id}`,
    accessLevel: "public",
    ...(catalog.bureauCode ? { bureauCode: catalog.bureauCode } : {}),
    ...(catalog.programCode ? { programCode: catalog.programCode } : {}),
    ...(catalog.license ? { license: catalog.license } : {}),
    landingPage: absoluteUrl(siteRootUrl, TREND_PAGE),
    accrualPeriodicity: "R/P1M",
    ...(first && last
      ? { temporal: `${first.id}-01/${monthUpdated({ id: last.id }).toISOString().slice(0, 10)}` }
      : {}),
    distribution: months.map((month) => ({
      "@type": "dcat:Distribution",
      title: `${report.title}, ${month.title}`,
      downloadURL: absoluteUrl(siteRootUrl, report.csvOf(month)!),
      mediaType: "text/csv",
      format: "CSV",
    })),
  };
}
