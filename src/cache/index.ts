export { openBuildCache, sha256, CACHE_FORMAT } from "./store.js";
export type { BuildCache } from "./store.js";
export { planMonth } from "./plan.js";
export type { CachedFile, ListedFile, MonthPlan } from "./plan.js";
