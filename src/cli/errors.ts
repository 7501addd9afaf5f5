/** How an error that ends the CLI is shown: message, hint and cause chain as text, or one JSON object. */
import { BugError, ConfigError, ReportsiteError } from "../errors.js";

/**
 * Print an error to stderr: the message and hint (and causes that explain it); stacks only with
 * --debug, except a BugError's, which the bug report needs.
 */
export function printError(error: unknown, debug: boolean): void {
  if (!(error instanceof ReportsiteError)) {
    console.error(`Unexpected error: ${error instanceof Error ? error.message : describe(error)}`);
    console.error(debug && error instanceof Error ? error.stack : "Run with --debug for the stack trace.");
    return;
  }
  console.error(error.message);
  if (error.hint) console.error(`hint: ${error.hint}`);
  let cause = error.cause;
  for (let n = 1; cause && n <= 5; n++, cause = (cause as Error).cause) {
    const text = cause instanceof Error ? `${cause.name}: ${cause.message || "(no message)"}` : describe(cause);
    if (debug || cause instanceof ReportsiteError) console.error(`  ${n}. ${text}`);
    if (debug && cause instanceof Error && cause.stack) console.error(cause.stack);
  }
  if ((debug || error instanceof BugError) && error.stack) console.error(error.stack);
}

/** An error as a JSON-ready object for --json: `{name, message, hint, exitCode, problems?}`. */
export function formatError(error: unknown): Record<string, unknown> {
  if (!(error instanceof ReportsiteError))
    return { name: "UnexpectedError", message: error instanceof Error ? error.message : describe(error), exitCode: 1 };
  return {
    name: error.name,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    exitCode: error.exitCode,
    ...(error instanceof ConfigError && error.problems.length ? { problems: error.problems } : {}),
  };
}

/** A thrown value that is not an Error (`throw {code: 1}` in some library): its JSON, not "[object Object]". */
function describe(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value); // circular
  }
}
