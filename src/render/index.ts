export { renderIndexPage, isListedInIndex, formatSize } from "./index-page.js";
export type { SiteEntry, IndexPageOptions } from "./index-page.js";
export { renderPage, renderErrorPage } from "./layout.js";
export { escapeHtml, safeHref, jsonForScript } from "./escape.js";
