/** Leaf helper (like errors.ts): sizes as people read them. */
/** Bytes in powers of 1000: `812 B`, `12.4 kB`, `3.1 MB`. */
export declare function formatSize(bytes: number): string;
