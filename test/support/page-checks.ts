/** Checks every browser test runs on a page: axe-core (WCAG 2.2 AA), console errors, requests that leave 127.0.0.1. */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";

/** Git-ignored folder for screenshots (test-artifacts/screenshots/<width>/<page>.png). */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** What a page did while it was open: console errors, page errors and every request URL. */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const watched = { errors: [] as string[], requests: [] as string[] };
  page.on("console", (m) => {
    if (m.type() === "error") watched.errors.push(m.text());
  });
  page.on("pageerror", (e) => void watched.errors.push(e.message));
  page.on("request", (r) => void watched.requests.push(r.url()));
  return watched;
}

/** Requests that leave 127.0.0.1. */
export function externalRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith("data:") && new URL(url).hostname !== "127.0.0.1");
}

/** axe-core's WCAG 2.2 AA violations on the page, one line each (rule: targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: tags },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, WCAG_22_AA);
  return violations;
}

/** How far the page scrolls sideways (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Save a full-page screenshot as test-artifacts/screenshots/<width>/<name>.png. */
export async function saveScreenshot(page: Page, width: number, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, "screenshots", String(width), `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * How tall the visible text of the page's charts is on screen (px): the font size times the SVG's
 * screen scale, so a shrunken picture or a rotated axis title counts as it is seen.
 */
export function chartTextHeights(page: Page): Promise<number[]> {
  return page.locator("figure.chart svg text").evaluateAll((texts) =>
    texts
      .filter((t) => (t as SVGTextElement).getBoundingClientRect().width > 0 && t.textContent)
      .map((t) => {
        const m = (t as SVGTextElement).getScreenCTM()!;
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      }),
  );
}

/** The absolute URL of every link on the page, without its #fragment. */
export async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => href.replace(/#.*$/, ""));
}

/** The trend page's table: each month's link (to its table page) and the total it shows. */
export function trendRows(page: Page): Promise<{ href: string; total: number }[]> {
  return page.locator("#trend-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      href: (tr.querySelector("a") as HTMLAnchorElement).href,
      total: Number((tr.querySelector("td") as HTMLElement).innerText.replaceAll(",", "")),
    })),
  );
}

/** The sum of a month CSV's last column (count), parsed as CSV (group values may hold commas, quotes, line breaks). */
export function csvTotal(text: string): number {
  const rows: string[][] = parse(text);
  return rows.slice(1).reduce((sum, row) => sum + Number(row.at(-1)), 0);
}
