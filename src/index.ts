/** reportsite as a library: the same functions the CLI calls, for scripts. */
export { loadConfig, configFromSpec } from "./config/index.js";
export type { SiteConfig, SiteConfigSpec } from "./config/index.js";
export { createS3Client, objectUrl, websiteUrl, encodeKey } from "./s3/index.js";
export * from "./errors.js";
export type { Logger } from "./log.js";
// build
export { buildSite, monthDir } from "./build/index.js";
export type { BuildOptions, BuildReport } from "./build/index.js";
export type { BuiltMonth, MonthOutcome } from "./build/index.js";
export { aggregateReport, reportFromCounts } from "./aggregate/index.js";
export type { Report } from "./aggregate/index.js";
export { scanCsv, TooManyGroupsError } from "./source/index.js";
export type { Month, FileTally } from "./source/index.js";
// deploy
export { deploySite, ensureSiteBucket, planSync, executeSyncPlan, formatPlan, formatReport } from "./deploy/index.js";
export type { DeployOptions, DeployEffects, DeployResult, SyncPlan, SyncReport } from "./deploy/index.js";
export { renderIndexPage } from "./render/index.js";
export { startPreview } from "./preview/index.js";
// share
export {
  presignUrl,
  parseExpiry,
  readObjectAcl,
  setObjectAcl,
  downloadObject,
  objectUrls,
  resolveBucket,
} from "./share/index.js";
export type { SharedLink, ObjectAccess, CannedAcl, BucketTarget, ObjectUrls } from "./share/index.js";
