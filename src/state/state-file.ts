/**
 * The one way a state file is written and read: `{"format":N,"checksum":"<SHA-256>","data":…}`, the
 * checksum taken over the data's JSON exactly as written, the whole file written atomically. A file
 * of another format, not JSON, whose checksum differs or whose data has the wrong shape is never
 * trusted: the reader warns, naming the file and why, and the caller rebuilds or asks again.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "../atomic-file.js";
import type { Logger } from "../log.js";

/** One kind of state file: its format, the shape of its data, and what a caller does without it. */
export interface StateFileKind<T> {
  /** Bump when the meaning of the data changes: every older file is then ignored. */
  format: number;
  isData: (value: unknown) => value is T;
  /** What happens when the file is ignored, for the warning, e.g. "its raw files are read again". */
  instead: string;
}

/** Why a file on disk was not used; a missing file is no problem and has no warning. */
export type IgnoredBecause = "another version" | "damaged";

/** A state file's data and its checksum, or why there is none. */
export type StateRead<T> =
  { data: T; checksum: string; ignored?: undefined } | { data?: undefined; ignored?: IgnoredBecause };

/** The text of a state file of `format` holding `data`, and its checksum (known before it is written). */
export function stateFileText(format: number, data: unknown): { text: string; checksum: string } {
  const body = JSON.stringify(data);
  const checksum = sha256(body);
  return { text: `${header(format, checksum)}${body}}`, checksum };
}

/** Write `text` (stateFileText's) to `path` whole or not at all, creating its folder. */
export async function writeStateFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text);
}

/**
 * The data of the state file at `path`, when it is of `kind` and undamaged. Any other file is
 * ignored with a warning that names it and why; a missing file is ignored silently.
 */
export async function readStateFile<T>(path: string, kind: StateFileKind<T>, logger: Logger): Promise<StateRead<T>> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return {};
  const problem = (why: string, ignored: IgnoredBecause = "damaged"): StateRead<T> => {
    warnIgnored(logger, path, why, kind.instead);
    return { ignored };
  };
  let stored: { format?: unknown; checksum?: unknown; data?: unknown };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return problem("it is not JSON (damaged)");
  }
  if (typeof stored !== "object" || stored === null) return problem("it is not a reportsite state file (damaged)");
  // an older file may have another shape altogether: its format number is all that is compared
  if (typeof stored.format === "number" && stored.format !== kind.format)
    return problem(`it was written by another version of reportsite (format ${stored.format})`, "another version");
  // the versions before state files had a format and a checksum wrote some files with neither
  if (stored.format === undefined && stored.checksum === undefined)
    return problem("it was written by an earlier version of reportsite", "another version");
  if (stored.format !== kind.format || typeof stored.checksum !== "string")
    return problem("it is not a reportsite state file (damaged)");
  const prefix = header(kind.format, stored.checksum);
  if (!text.startsWith(prefix) || !text.endsWith("}") || sha256(text.slice(prefix.length, -1)) !== stored.checksum)
    return problem("its checksum does not match its contents (damaged)");
  if (!kind.isData(stored.data)) return problem("its contents are not what reportsite writes there (damaged)");
  return { data: stored.data, checksum: stored.checksum };
}

/** The one form of the warning for a state file that is not used: the file, why, and what happens instead. */
export function warnIgnored(logger: Logger, path: string, why: string, instead: string): void {
  logger.warn(`ignoring ${path}: ${why}; ${instead}`);
}

function header(format: number, checksum: string): string {
  return `{"format":${format},"checksum":${JSON.stringify(checksum)},"data":`;
}

/** SHA-256 of text (or bytes), hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}
