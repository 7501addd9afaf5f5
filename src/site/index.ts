export { writeSite, pathWithin } from "./write.js";
export type { OutputFile } from "./write.js";
export { readChartAssets } from "./assets.js";
export { headersFor, REVALIDATE, ASSET_CACHE } from "./headers.js";
export type { FileHeaders } from "./headers.js";
