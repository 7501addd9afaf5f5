/** Leaf helper (like errors.ts): bounded concurrency for S3 requests. */
/** Run `fn` over items with at most `limit` at once; results keep the items' order. The first error rejects after the running ones settle. */
export declare function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]>;
