/** Leaf helper (like errors.ts): bounded concurrency for S3 requests. */
/** Run `fn` over items with at most `limit` at once; results keep the items' order. The first error rejects after the running ones settle. */
export async function mapWithConcurrency(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failed;
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index]);
            }
            catch (error) {
                failed ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failed)
        throw failed.error;
    return results;
}
