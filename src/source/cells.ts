/**
 * How the scanner turns a column's cells into the values it hands on. Decoding a cell makes a new
 * string, which every tally then hashes again: most columns a report reads hold a few distinct
 * values, so a cell is looked up by its bytes among the column's values seen so far, and only a new
 * one is decoded.
 */

/** Reads one column's cells (the scanner has one per column read, per file). */
export interface CellReader {
  /** The value of the unquoted cell `bytes[start, end)` (valid UTF-8, checked before the scan). */
  read(bytes: Buffer, start: number, end: number): string;
  /** The value of a quoted cell, given decoded (quotes removed). */
  readText(cell: string): string;
}

/** Values a column keeps for reuse: past this many, a new value is decoded every time it occurs (a column of IDs). */
const DISTINCT_KEPT = 4096;
/** Longer cells are decoded every time: long text is seldom repeated, and comparing it costs what decoding does. */
const LONGEST_KEPT = 128;

/**
 * A column's cells as text, one string per distinct byte sequence: an open-addressing table of the
 * values seen in the file, each entry pointing at the bytes of its first occurrence (the file's
 * bytes stay put for the whole scan, so nothing is copied). Equal bytes are equal text, as the file
 * is valid UTF-8.
 */
export class CellTexts implements CellReader {
  private slots = new Int32Array(64).fill(-1);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  private readonly texts: string[] = [];

  read(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > LONGEST_KEPT) return bytes.toString("utf8", start, end);
    const hash = hashOf(bytes, start, end);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at]!;
      if (entry < 0) break;
      if (
        this.hashes[entry] === hash &&
        this.lengths[entry] === length &&
        same(bytes, this.starts[entry]!, start, length)
      )
        return this.texts[entry]!;
    }
    const text = bytes.toString("utf8", start, end);
    if (this.texts.length < DISTINCT_KEPT) this.keep(text, start, length, hash);
    return text;
  }

  readText(cell: string): string {
    return cell;
  }

  private keep(text: string, start: number, length: number, hash: number): void {
    const entry = this.texts.length;
    this.texts.push(text);
    this.starts.push(start);
    this.lengths.push(length);
    this.hashes.push(hash);
    // at most half full, so a missing value meets an empty slot soon
    if (2 * (entry + 1) > this.slots.length) this.grow();
    else this.place(entry);
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.texts.length; entry++) this.place(entry);
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[entry]! & mask;
    while (this.slots[at]! >= 0) at = (at + 1) & mask;
    this.slots[at] = entry;
  }
}

/** FNV-1a over the bytes, its bits mixed so that the low ones (the table's index) depend on all of them. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  hash ^= hash >>> 16;
  return Math.imul(hash, 0x45d9f3b) ^ (hash >>> 13);
}

function same(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
