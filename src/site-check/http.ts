/** One anonymous GET, never following a redirect: what a reader's browser is answered first. */

/** What a server answered, or why it did not. */
export interface Answer {
  status: number;
  contentType?: string;
  location?: string;
  body: string;
  /** The request failed (refused, timed out, a bad certificate): no status. */
  error?: string;
}

/** GET `url` with no credentials; a failed request is an answer with `error`, not a throw. */
export async function get(url: string, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? undefined,
      location: response.headers.get("location") ?? undefined,
      body: await response.text(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: "", error: `no answer (${cause?.code ?? cause?.message ?? (error as Error).name})` };
  }
}
