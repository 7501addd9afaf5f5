export { startPreview } from "./server.js";
