/** Pure: the template model of a chart figure, both widths with their Vega specs for the browser. */
import type { ChartPair, ChartWidth } from "./chart.js";
import { jsonForScript } from "./escape.js";

/** What templates/chart-figure.eta draws. */
export interface ChartFigure {
  id: string;
  caption: string;
  variants: { width: ChartWidth; svg: string; specJson: string }[];
}

/** The figure of a chart: an id for the page, the caption (its accessible name) and both widths. */
export function chartFigure(id: string, caption: string, pair: ChartPair): ChartFigure {
  return {
    id,
    caption,
    variants: (["narrow", "wide"] as const).map((width) => ({
      width,
      svg: pair[width].svg,
      specJson: jsonForScript(pair[width].vegaSpec),
    })),
  };
}
