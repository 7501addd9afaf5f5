/**
 * What deploy has seen of the published objects' headers, so a deploy with nothing new sends no HEAD
 * per object. Kept in the build cache folder (`published-<hash>.json`, one per site bucket and prefix),
 * so CI keeps it with the cache. Each entry is what a HEAD of the object answered, keyed by the
 * object's ETag and LastModified in the listing: any later change to the object (new bytes, headers
 * or metadata rewritten by a copy) changes one of them, and the object is asked again. A missing or
 * unreadable file is an empty memory: every object is asked, as before.
 */
import { memoryPath, readMemory, writeMemory } from "./memory-file.js";
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
  return readMemory(placePath(place), MEMORY_FORMAT, isSeen);
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
  await writeMemory(placePath(place), MEMORY_FORMAT, objects);
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

function isSeen(value: unknown): value is SeenHeaders {
  if (typeof value !== "object" || value === null) return false;
  const { etag, lastModified } = value as Partial<SeenHeaders>;
  return typeof etag === "string" && typeof lastModified === "string";
}

function placePath({ cacheDir, endpoint, bucket, prefix }: MemoryPlace): string {
  return memoryPath(cacheDir, "published", [endpoint ?? "aws", bucket, prefix]);
}
