/** Ask for a missing answer on a terminal; elsewhere (CI, pipes) a missing answer is a usage error. */
import { InterruptedError, UsageError } from "../errors.js";

/** An answer made usable (e.g. `s3://name/` -> `name`), or what is wrong with it, to be asked again. */
export type AnswerCheck = (answer: string) => { value: string } | { problem: string };

/**
 * The answer typed at the terminal, asked again until `check` accepts it; a UsageError naming the
 * flag when there is no terminal, and an InterruptedError (exit 130) on Ctrl-C.
 */
export async function askFor(question: string, flag: string, check?: AnswerCheck): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`${flag} is required (no terminal to ask on)`);
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const answer = (await rl.question(`${question}: `)).trim();
      if (!answer) continue;
      const checked = check ? check(answer) : { value: answer };
      if ("value" in checked) return checked.value;
      process.stderr.write(`  ${checked.problem}\n`);
    }
  } catch (error) {
    // readline/promises rejects the question with an AbortError when Ctrl-C is pressed at it
    if ((error as { code?: string }).code === "ABORT_ERR") {
      process.stderr.write("\n"); // end the prompt's line
      throw new InterruptedError("interrupted", { hint: "Nothing was written. Run `reportsite init` again." });
    }
    throw error;
  } finally {
    rl.close();
  }
}
