export { renderIndexPage, isListedInIndex, formatSize } from "./index-page.js";
export { renderPage, renderErrorPage } from "./layout.js";
export { renderMonthPages } from "./month-pages.js";
export { renderChart, toChartSpec } from "./chart.js";
export { escapeHtml, safeHref, jsonForScript } from "./escape.js";
export { TEMPLATES_DIR } from "./templates.js";
