/** Checks every browser test runs on a page: axe-core (WCAG 2.2 AA), console errors, requests that leave 127.0.0.1. */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
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
