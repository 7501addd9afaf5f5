/** reportsite as a library: the same functions the CLI calls, for scripts. */
export { loadConfig, configFromSpec } from "./config/index.js";
export type { SiteConfig, SiteConfigSpec } from "./config/index.js";
export { createS3Client, objectUrl, websiteUrl, encodeKey } from "./s3/index.js";
export * from "./errors.js";
export type { Logger } from "./log.js";
// build
export { buildSite, monthDir } from "./build.js";
export type { BuildOptions, BuildReport } from "./build.js";
export { aggregateReport } from "./aggregate/index.js";
export type { Report } from "./aggregate/index.js";
export { loadMonths, parseCsvStream } from "./source/index.js";
export type { Month, MonthData } from "./source/index.js";
// deploy
// share
