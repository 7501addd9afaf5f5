/** Ask for a missing answer on a terminal; elsewhere (CI, pipes) a missing answer is a usage error. */
import { UsageError } from "../errors.js";

/** The answer typed at the terminal, or a UsageError naming the flag when there is no terminal. */
export async function askFor(question: string, flag: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`${flag} is required (no terminal to ask on)`);
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const answer = (await rl.question(`${question}: `)).trim();
      if (answer) return answer;
    }
  } finally {
    rl.close();
  }
}
