export { startPreview } from "./server.js";
export type { Preview } from "./server.js";
