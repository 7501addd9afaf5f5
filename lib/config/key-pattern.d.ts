/** Pure: the raw key pattern (`{year}_{mon}_{day}_gid_requests.csv`) compiled to a matcher. */
export declare const MONTH_ABBREVIATIONS: readonly ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** What a raw key says about itself. */
export interface KeyDate {
    year: number;
    /** 1..12 */
    month: number;
    /** 1..31, or undefined when the pattern has no {day} */
    day?: number;
}
/** A compiled key pattern: `match` gives the date of a key (relative to the raw prefix), or undefined. */
export interface KeyPattern {
    source: string;
    match(name: string): KeyDate | undefined;
}
/** Problems with a pattern, as sentences; empty when the pattern is usable. */
export declare function checkKeyPattern(pattern: string): string[];
/**
 * The `{name}` placeholders of a template, and the problems every template shares: a name not in
 * `allowed`, or one that appears twice. Each template adds what it needs on top.
 */
export declare function checkPlaceholders(template: string, allowed: readonly string[]): {
    names: string[];
    problems: string[];
};
/** Compile a pattern that passed checkKeyPattern. */
export declare function compileKeyPattern(pattern: string): KeyPattern;
