export { loadConfig, configFromSpec, PANDAS_MISSING_VALUES } from "./load.js";
export type {
  AcceptedGap,
  CatalogConfig,
  ChangeSettings,
  SiteConfig,
  ConfigOverrides,
  SiteConfigSpec,
  S3Options,
} from "./load.js";
export { MONTH_ABBREVIATIONS, compileKeyPattern } from "./key-pattern.js";
export { bucketNameProblem } from "./schema.js";
export type { RawEncoding } from "./schema.js";
export { S3_CONNECT_TIMEOUT_MS_DEFAULT, S3_REQUEST_TIMEOUT_MS_DEFAULT, S3_MAX_ATTEMPTS_DEFAULT } from "./schema.js";
export type { GroupKey, Measure, NumericMeasureName, ReportDefinition, RowFilter, TimestampPart } from "./reports.js";
export { readSiteMaps, SHAPES_MAX_BYTES } from "./shapes.js";
export type { MapShapes, SiteMaps } from "./shapes.js";
