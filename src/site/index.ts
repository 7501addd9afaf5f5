export { writeSite, checkOutputFolder, isBuiltSite, pathWithin, BUILD_MARKER } from "./write.js";
export type { WrittenSite } from "./write.js";
export { readChartAssets } from "./assets.js";
export { readSite, readKeptFiles, carryModified, siteFileStats } from "./read.js";
export type { LocalFile } from "./read.js";
export { sameStamp } from "./stamp.js";
export type { HashedFile, HashedStamp, StampedFile } from "./stamp.js";
export { readTheme } from "./theme.js";
export type { ProjectTheme } from "./theme.js";
