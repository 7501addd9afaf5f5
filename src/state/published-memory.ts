/**
 * What deploy has seen of the published objects' headers, so a deploy with nothing new sends no HEAD
 * per object (`published-<fingerprint>.json`, one per site bucket and prefix). Each entry is what a HEAD of
 * the object answered, keyed by the object's ETag and LastModified in the listing: any later change
 * to the object (new bytes, headers or metadata rewritten by a copy) changes one of them, and the
 * object is asked again. Without a usable file every object is asked, as before.
 */
import { join } from "node:path";
import type { Logger } from "../log.js";
import { readStateFile, sha256, stateFileText, writeStateFile, type StateFileKind } from "./state-file.js";

/** Bump when an entry's meaning changes. */
export const PUBLISHED_MEMORY_FORMAT = 2;

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

/** A listed object, as far as the memory needs it: which version of which key. */
export interface ListedVersion {
  key: string;
  etag?: string;
  lastModified?: Date;
}

const PUBLISHED: StateFileKind<Record<string, SeenHeaders>> = {
  format: PUBLISHED_MEMORY_FORMAT,
  isData: (value): value is Record<string, SeenHeaders> =>
    typeof value === "object" && value !== null && Object.values(value).every(isSeen),
  instead: "every published file's headers are asked again",
};

/** The remembered headers, by key; empty when there is no usable memory (a damaged one is warned about). */
export async function readPublishedMemory(place: MemoryPlace, logger: Logger): Promise<Map<string, SeenHeaders>> {
  const read = await readStateFile(placePath(place), PUBLISHED, logger);
  return new Map(Object.entries(read.data ?? {}));
}

/** Remember `seen`, the headers known now of every listed object, by key. */
export async function writePublishedMemory(place: MemoryPlace, seen: ReadonlyMap<string, SeenHeaders>): Promise<void> {
  await writeStateFile(placePath(place), stateFileText(PUBLISHED_MEMORY_FORMAT, Object.fromEntries(seen)).text);
}

/** The remembered headers of `object`, when they belong to the very version listed now. */
export function rememberedHeaders(
  memory: ReadonlyMap<string, SeenHeaders>,
  object: ListedVersion,
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

/** `<cacheDir>/published-<fingerprint of the target>.json`: one file per site bucket and prefix. */
function placePath({ cacheDir, endpoint, bucket, prefix }: MemoryPlace): string {
  const target = sha256(JSON.stringify([endpoint ?? "aws", bucket, prefix]));
  return join(cacheDir, `published-${target.slice(0, 16)}.json`);
}
