// The README's screenshots of the demo site, at 1280 and 390 px, in headless Chromium (Debian's
// /usr/bin/chromium). Run after `npm run demo`, with the demo's website endpoint still up:
//   npx tsx scripts/screenshots.ts [site URL]
// Each screenshot is what the window shows first (1280×900, or a phone's 390×844).
import { chromium } from "playwright-core";

const site = process.argv[2] ?? "http://127.0.0.1:7482/gid-reports/";
const SHOTS: { file: string; path: string; width: number }[] = [
  { file: "demo-home-1280", path: "", width: 1280 },
  { file: "demo-home-390", path: "", width: 390 },
  { file: "demo-overview-1280", path: "2020/jan/", width: 1280 },
  { file: "demo-overview-390", path: "2020/jan/", width: 390 },
  { file: "demo-year-1280", path: "2019/", width: 1280 },
  { file: "demo-year-390", path: "2019/", width: 390 },
  { file: "demo-map-1280", path: "2020/jan/requests-by-area_map.html", width: 1280 },
  { file: "demo-map-390", path: "2020/jan/requests-by-area_map.html", width: 390 },
  { file: "demo-points-1280", path: "2020/jan/requests-by-area_points.html", width: 1280 },
  { file: "demo-points-390", path: "2020/jan/requests-by-area_points.html", width: 390 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.width > 600 ? 900 : 844 } });
    const response = await page.goto(new URL(shot.path, site).href, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`${shot.path || "/"}: HTTP ${response?.status()}`);
    await page.screenshot({ path: `docs/${shot.file}.png` });
    await page.close();
    console.log(`docs/${shot.file}.png`);
  }
} finally {
  await browser.close();
}
