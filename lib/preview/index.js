export { startPreview, PREVIEW_PORT_DEFAULT } from "./server.js";
