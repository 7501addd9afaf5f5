import type { OutputFile } from "./write.js";
/** Read vega.min.js (from the installed vega package) and chart.js (from the templates folder) as site files under assets/. */
export declare function readChartAssets(templatesDir: string): Promise<OutputFile[]>;
