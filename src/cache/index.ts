export { openBuildCache, sha256 } from "./store.js";
export type { AbsentColumn, BuildCache, OutputFileStat, OutputRecord, RecordedMonth } from "./store.js";
export { planMonth } from "./plan.js";
export type { CachedFile } from "./plan.js";
