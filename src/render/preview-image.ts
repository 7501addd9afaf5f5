/**
 * A month's preview image (Open Graph, Twitter card): the month's title, its headline numbers and a
 * bar chart of its largest groups, drawn as SVG here and turned into a PNG by resvg (no browser). The
 * SVG is pure; the PNG is drawn with DejaVu Sans when the system has it (Debian's fonts-dejavu-core),
 * so the same month gives the same bytes on every build machine that has it (a character DejaVu lacks,
 * e.g. an emoji, is drawn with a system font).
 */
import { escapeHtml } from "./escape.js";
import { PREVIEW_SIZE } from "./head-links.js";

/** What the preview shows. Every text is data (hostile input): the SVG escapes it. */
export interface PreviewInput {
  siteTitle: string;
  monthTitle: string;
  /** Up to three headline numbers, e.g. `{ label: "Requests", text: "12,345 requests" }`. */
  headlines: readonly { label: string; text: string }[];
  /** What the bars are, e.g. "Requests per Service type". */
  barsTitle: string;
  /** The largest groups, largest first; the bars are scaled to the first. */
  bars: readonly { label: string; value: number; text: string }[];
}

/** How many bars the preview draws. */
export const PREVIEW_BARS = 6;
const FONT = "DejaVu Sans";
/** Where Debian (fonts-dejavu-core) and common Linux and macOS installs keep DejaVu Sans. */
const FONT_FILES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
  "/Library/Fonts/DejaVuSans.ttf",
];

/** The preview as an SVG document of PREVIEW_SIZE. */
export function previewSvg(input: PreviewInput): string {
  const { width, height } = PREVIEW_SIZE;
  const text = (x: number, y: number, size: number, value: string, extra = "") =>
    `<text x="${x}" y="${y}" font-size="${size}"${extra}>${escapeHtml(value)}</text>`;
  const headlines = input.headlines
    .slice(0, 3)
    .map((h, i) => [
      text(60 + i * 370, 220, 22, clip(h.label, 28), ' fill="#4f5869"'),
      text(60 + i * 370, 262, 36, clip(h.text, 18), ' font-weight="bold"'),
    ])
    .flat();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" fill="#1d2330">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${width}" height="12" fill="#1f5fbf"/>`,
    text(60, 80, 28, clip(input.siteTitle, 60), ' fill="#4f5869"'),
    text(60, 145, 60, clip(input.monthTitle, 30), ' font-weight="bold"'),
    ...headlines,
    text(60, 330, 22, clip(input.barsTitle, 80), ' fill="#4f5869"'),
    ...bars(input.bars),
    `</svg>`,
  ].join("\n");
}

/** Horizontal bars below the headlines: label on the left, bar, value at its end. */
function bars(rows: PreviewInput["bars"]): string[] {
  const shown = rows.slice(0, PREVIEW_BARS);
  const max = Math.max(...shown.map((r) => r.value), 0);
  const [top, step, labelWidth, barSpace] = [350, 42, 380, 560];
  return shown.flatMap((row, i) => {
    const y = top + i * step;
    const length = max > 0 && row.value > 0 ? Math.max(2, Math.round((row.value / max) * barSpace)) : 0;
    return [
      `<text x="60" y="${y + 24}" font-size="22">${escapeHtml(clip(row.label, 30))}</text>`,
      `<rect x="${60 + labelWidth}" y="${y + 4}" width="${length}" height="28" fill="#1f5fbf"/>`,
      `<text x="${60 + labelWidth + length + 10}" y="${y + 26}" font-size="22">${escapeHtml(clip(row.text, 16))}</text>`,
    ];
  });
}

/** At most `max` characters, the last one "…" when cut (never half an emoji); control characters (not XML) as spaces. */
export function clip(value: string, max: number): string {
  const chars = [...value].map((c) => (c.charCodeAt(0) < 0x20 || c === "\u007f" ? " " : c));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The preview as PNG bytes. resvg is loaded on first use: a build whose pages all come from the cache
 * never loads it.
 */
export async function previewPng(input: PreviewInput): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(previewSvg(input), {
    fitTo: { mode: "original" },
    // resvg skips the font files a system does not have; DejaVu is asked for by name, so where it is
    // the other system fonts only draw what it lacks
    font: { loadSystemFonts: true, fontFiles: FONT_FILES, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return new Uint8Array(resvg.render().asPng());
}
