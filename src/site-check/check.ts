/**
 * What the public sees of a published site, asked as an anonymous reader asks: the home page, the
 * newest month's pages (each with the Content-Type deploy sets), a missing page answered with the
 * error document, a raw file refused, and plain HTTP sent on to HTTPS when the site has an https
 * address. Over the network only (fetch, no credentials), but for one listing of the raw bucket.
 */
import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { objectUrl, siteUrl } from "../s3/index.js";
import { keysLinkedFrom } from "../share/index.js";
import { headersFor } from "../site/headers.js";
import { ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import { get, type Answer } from "./http.js";
import { newestMonthFolder } from "./months.js";

/** One thing checked: what was asked, what it should answer and what it did. */
export interface SiteCheck {
  check: string;
  url: string;
  expected: string;
  got: string;
  result: "ok" | "failed" | "skipped";
}

/** The checks of one site, and the address they were made against. */
export interface SiteCheckReport {
  url: string;
  checks: SiteCheck[];
}

/** What checkSite uses: the S3 client that lists one raw file, and how long one request may take. */
export interface SiteCheckEffects {
  client: S3Client;
  timeoutMs?: number;
}

/** Check the site at `url` (default: site.url, else the website endpoint and prefix). */
export async function checkSite(
  config: SiteConfig,
  effects: SiteCheckEffects,
  url: string = siteUrl(config),
): Promise<SiteCheckReport> {
  const base = url.endsWith("/") ? url : `${url}/`;
  const timeoutMs = effects.timeoutMs ?? 15_000;
  const home = await get(base, timeoutMs);
  const checks = [pageCheck("home page", base, INDEX_DOCUMENT, home)];
  checks.push(...(await monthChecks(base, home, config.site.monthPath, timeoutMs)));
  checks.push(await missingPageCheck(base, timeoutMs));
  checks.push(await rawFileCheck(config, effects.client, timeoutMs));
  checks.push(await redirectCheck(base, timeoutMs));
  return { url: base, checks };
}

/** A page or file: 200 with the Content-Type deploy gives its key. */
function pageCheck(check: string, url: string, key: string, answer: Answer): SiteCheck {
  const type = headersFor(key).contentType;
  const expected = `200 ${type}`;
  const got = answer.error ?? `${answer.status} ${answer.contentType ?? "(no Content-Type)"}`;
  return { check, url, expected, got, result: got === expected ? "ok" : "failed" };
}

/** The newest month linked from the home page: each file of its folder the home page or the month's pages link to. */
async function monthChecks(base: string, home: Answer, monthPath: string, timeoutMs: number): Promise<SiteCheck[]> {
  const linked = home.status === 200 ? keysLinkedFrom(home.body, "") : new Set<string>();
  const folder = newestMonthFolder(linked, monthPath);
  if (folder === undefined) {
    const got = home.status === 200 ? "no month linked" : "no home page";
    return [{ check: "newest month", url: base, expected: "a month linked from the home page", got, result: "failed" }];
  }
  const keys = [...linked].filter((key) => key.startsWith(folder));
  const checks: SiteCheck[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!.endsWith("/") ? `${keys[i]}${INDEX_DOCUMENT}` : keys[i]!;
    const url = base + encodePath(keys[i]!);
    const answer = await get(url, timeoutMs);
    checks.push(pageCheck(`newest month: ${keys[i]}`, url, key, answer));
    // a month page's own links (its chart, CSV, the month overview's report pages) are its pages too
    if (key.endsWith(".html") && answer.status === 200)
      for (const more of keysLinkedFrom(answer.body, key.slice(0, key.lastIndexOf("/") + 1)))
        if (more.startsWith(folder) && !keys.includes(more)) keys.push(more);
  }
  return checks;
}

/**
 * A page nobody published: the error document's bytes. Its status is 404, or 403 where the public may
 * not list the bucket (reportsite's setup): S3 then will not say whether a key exists.
 */
async function missingPageCheck(base: string, timeoutMs: number): Promise<SiteCheck> {
  const url = `${base}reportsite-check-missing-${Date.now().toString(36)}.html`;
  const [missing, errorPage] = await Promise.all([get(url, timeoutMs), get(base + ERROR_DOCUMENT, timeoutMs)]);
  const sameBody = errorPage.status === 200 && missing.body === errorPage.body;
  const got = missing.error ?? `${missing.status} ${sameBody ? "the" : "not the"} ${ERROR_DOCUMENT}`;
  const ok = (missing.status === 404 || missing.status === 403) && sameBody;
  return {
    check: "missing page",
    url,
    expected: `404 or 403 the ${ERROR_DOCUMENT}`,
    got,
    result: ok ? "ok" : "failed",
  };
}

/** One raw file, asked for anonymously at its object URL: raw data is never public. */
async function rawFileCheck(config: SiteConfig, client: S3Client, timeoutMs: number): Promise<SiteCheck> {
  const where = `s3://${config.raw.bucket}/${config.raw.prefix}`;
  const listed = await client
    .send(new ListObjectsV2Command({ Bucket: config.raw.bucket, Prefix: config.raw.prefix || undefined, MaxKeys: 50 }))
    .then((page) => (page.Contents ?? []).map((o) => o.Key!).find((key) => !key.endsWith("/")))
    .catch((error: Error) => error);
  if (listed === undefined || listed instanceof Error) {
    const got = listed ? `cannot list ${where} (${listed.name})` : `no raw file in ${where}`;
    return { check: "raw file", url: where, expected: "403", got, result: "skipped" };
  }
  const url = objectUrl(config, config.raw.bucket, listed);
  const answer = await get(url, timeoutMs);
  const got = answer.error ?? String(answer.status);
  return { check: "raw file", url, expected: "403", got, result: got === "403" ? "ok" : "failed" };
}

/** An https site's plain-HTTP address sends readers on to HTTPS; an http site has nothing to check. */
async function redirectCheck(base: string, timeoutMs: number): Promise<SiteCheck> {
  const plain = base.replace(/^https:/, "http:");
  if (plain === base)
    return { check: "HTTPS", url: base, expected: "an https:// address", got: "http only", result: "skipped" };
  const answer = await get(plain, timeoutMs);
  const redirected = [301, 302, 307, 308].includes(answer.status) && answer.location?.startsWith("https://");
  const got = answer.error ?? `${answer.status}${answer.location ? ` to ${answer.location}` : ""}`;
  return {
    check: "HTTP to HTTPS",
    url: plain,
    expected: "a redirect to https://",
    got,
    result: redirected ? "ok" : "failed",
  };
}

function encodePath(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}
