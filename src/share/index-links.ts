/** Which keys the live index.html of a site links to, read from the bucket as visitors get it. */
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { encodeKey } from "../s3/index.js";
import { INDEX_DOCUMENT } from "../site-names.js";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };

/**
 * Pure: the bucket keys an index page at `prefix` + index.html links to. Links are resolved the way a
 * browser does (relative to the page, `..` collapsed); links to other sites are left out.
 * @example keysLinkedFrom('<a href="2019/jan/final_report.csv">', "reports/") // Set {"reports/2019/jan/final_report.csv"}
 */
export function keysLinkedFrom(html: string, prefix: string): Set<string> {
  const base = new URL(`http://site.invalid/${encodeKey(prefix)}`);
  const keys = new Set<string>();
  for (const [, raw] of html.matchAll(/href="([^"]*)"/g)) {
    const href = raw!.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);
    const url = new URL(href, base);
    if (url.origin !== base.origin) continue;
    try {
      keys.add(url.pathname.slice(1).split("/").map(decodeURIComponent).join("/"));
    } catch {
      // a malformed %-escape names no key
    }
  }
  return keys;
}

/** The keys the site's live index.html links to; empty when there is no index yet. */
export async function readIndexLinks(client: S3Client, bucket: string, prefix: string): Promise<Set<string>> {
  const html = await client
    .send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}${INDEX_DOCUMENT}` }))
    .then((r) => r.Body!.transformToString())
    .catch((error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
      if (error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404) return "";
      throw error;
    });
  return keysLinkedFrom(html, prefix);
}
