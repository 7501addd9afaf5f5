export { startPreview, PREVIEW_PORT_DEFAULT } from "./server.js";
export type { Preview, PreviewOptions } from "./server.js";
