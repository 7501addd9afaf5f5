export { startPreview } from "./server.js";
export type { Preview, PreviewOptions } from "./server.js";
