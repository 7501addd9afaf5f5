export { writeSite, checkOutputFolder, isBuiltSite, isBuildRecord, pathWithin, BUILD_MARKER } from "./write.js";
export { readBuiltTheme, BUILT_THEME } from "./built-theme.js";
export type { BuiltTheme } from "./built-theme.js";
export type { OutputFile } from "./write.js";
export { readChartAssets } from "./assets.js";
export { readSite, readKeptFiles, carryModified, siteFileStats, sameStamp } from "./read.js";
export type { HashedStamp, LocalFile } from "./read.js";
export { readTheme } from "./theme.js";
export type { ProjectTheme } from "./theme.js";
