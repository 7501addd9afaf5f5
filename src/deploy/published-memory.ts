/**
 * What deploy has seen of the published objects' headers, so a deploy with nothing new sends no HEAD
 * per object. Kept in the build cache folder (`published-<hash>.json`, one per site bucket and prefix),
 * so CI keeps it with the cache. Each entry is what a HEAD of the object answered, keyed by the
 * object's ETag and LastModified in the listing: any later change to the object (new bytes, headers
 * or metadata rewritten by a copy) changes one of them, and the object is asked again. A missing or
 * unreadable file is an empty memory: every object is asked, as before.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RemoteObject } from "./plan.js";

/** Bump when an entry's meaning changes. */
const MEMORY_FORMAT = 1;

/** The headers a HEAD of one version of an object answered. */
export interface SeenHeaders {
  etag: string;
  lastModified: string;
  md5?: string;
  contentType?: string;
  cacheControl?: string;
  access?: string;
}

/** Where the memory of one site target lives. */
export interface MemoryPlace {
  cacheDir: string;
  endpoint?: string;
  bucket: string;
  prefix: string;
}

/** The remembered headers, by key; empty when there is no usable memory. */
export async function readPublishedMemory(place: MemoryPlace): Promise<Map<string, SeenHeaders>> {
  const text = await readFile(memoryPath(place), "utf8").catch(() => undefined);
  if (text === undefined) return new Map();
  try {
    const stored = JSON.parse(text) as { format?: number; objects?: Record<string, SeenHeaders> };
    if (stored.format !== MEMORY_FORMAT || typeof stored.objects !== "object" || stored.objects === null)
      return new Map();
    return new Map(Object.entries(stored.objects).filter(([, seen]) => isSeen(seen)));
  } catch {
    return new Map();
  }
}

/** Remember what is known now of every listed object whose headers were read (or remembered). */
export async function writePublishedMemory(place: MemoryPlace, remote: readonly RemoteObject[]): Promise<void> {
  const objects: Record<string, SeenHeaders> = {};
  for (const object of remote) {
    if (object.etag === undefined || object.lastModified === undefined || object.contentType === undefined) continue;
    const { md5, contentType, cacheControl, access } = object;
    objects[object.key] = {
      etag: object.etag,
      lastModified: object.lastModified.toISOString(),
      md5,
      contentType,
      cacheControl,
      access,
    };
  }
  const path = memoryPath(place);
  await mkdir(place.cacheDir, { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, JSON.stringify({ format: MEMORY_FORMAT, objects }));
  await rename(temp, path);
}

/** The remembered headers of `object`, when they belong to the very version listed now. */
export function rememberedHeaders(
  memory: ReadonlyMap<string, SeenHeaders>,
  object: RemoteObject,
): SeenHeaders | undefined {
  const seen = memory.get(object.key);
  if (!seen || object.etag === undefined || object.lastModified === undefined) return undefined;
  return seen.etag === object.etag && seen.lastModified === object.lastModified.toISOString() ? seen : undefined;
}

function isSeen(value: SeenHeaders): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof value.etag === "string" &&
    typeof value.lastModified === "string"
  );
}

function memoryPath({ cacheDir, endpoint, bucket, prefix }: MemoryPlace): string {
  const target = createHash("sha256")
    .update(JSON.stringify([endpoint ?? "aws", bucket, prefix]))
    .digest("hex");
  return join(cacheDir, `published-${target.slice(0, 16)}.json`);
}
