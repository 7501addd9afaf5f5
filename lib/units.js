/** Leaf helper (like errors.ts): sizes as people read them. */
/** Bytes in powers of 1000: `812 B`, `12.4 kB`, `3.1 MB`. */
export function formatSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ["kB", "MB", "GB", "TB"];
    let value = bytes / 1000;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
