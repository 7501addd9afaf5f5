/** Pure: WCAG 2 contrast of the accent colour, so a brand colour never makes links unreadable. */

/** WCAG AA minimum for normal-size text (links and navigation are normal-size text). */
export const WCAG_AA_TEXT_CONTRAST = 4.5;

/** The backgrounds links sit on: the page (white) and the latest month's panel (layout.eta's --panel). */
export const LINK_BACKGROUNDS = ["#ffffff", "#f5f7fa"] as const;

/** `#abc` or `#aabbcc` -> [r, g, b] in 0..255. */
export function parseHexColour(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition). */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parseHexColour(a)), luminance(parseHexColour(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The lowest contrast of the colour against the link backgrounds. */
export function linkContrast(colour: string): number {
  return Math.min(...LINK_BACKGROUNDS.map((bg) => contrastRatio(colour, bg)));
}

/** The colour darkened in small steps until links reach WCAG AA: a suggestion for the error message. */
export function darkenForContrast(colour: string): string {
  let rgb = parseHexColour(colour);
  for (let step = 0; step < 100; step++) {
    const hex = `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
    if (linkContrast(hex) >= WCAG_AA_TEXT_CONTRAST) return hex;
    rgb = rgb.map((c) => Math.floor(c * 0.95)) as [number, number, number];
  }
  return "#000000";
}
