/** Leaf helper (like errors.ts): bounded concurrency for S3 requests, and requests started ahead. */
/** Run `fn` over items with at most `limit` at once; results keep the items' order. The first error rejects after the running ones settle. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed.error;
  return results;
}

/**
 * `promise`, marked as handled: a request sent ahead of the step that needs its answer (to overlap
 * round trips) does not crash the process as an unhandled rejection when an earlier step fails first.
 * Awaiting the returned promise still throws its error.
 */
export function startedAhead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
