/**
 * Clean-ups to run if the process exits half-way: the CLI exits at once on Ctrl-C (process.exit
 * runs "exit" listeners, not pending finally blocks), and an interrupted download or build must not
 * leave half-written files behind. Leaf module.
 *
 * Asynchronous work (a request, such as releasing the deploy lock) cannot run in an "exit" listener:
 * it registers with onInterrupt, and the CLI's SIGINT/SIGTERM handler awaits it, briefly, before exiting.
 */
import { rmSync } from "node:fs";

const pending = new Set<() => void>();
let listening = false;

/** Run `cleanUp` (synchronous) if the process exits before the returned release function is called. */
export function onExitBefore(cleanUp: () => void): () => void {
  if (!listening) {
    process.once("exit", () => {
      for (const fn of pending) {
        try {
          fn();
        } catch {
          // exiting anyway; the next run reports what is left
        }
      }
    });
    listening = true;
  }
  pending.add(cleanUp);
  return () => pending.delete(cleanUp);
}

/** Remove `path` if the process exits before the returned release function is called. */
export function removeOnExit(path: string): () => void {
  return onExitBefore(() => rmSync(path, { recursive: true, force: true }));
}

const cleanups = new Set<() => Promise<void>>();

/** Run `cleanup` if the process is interrupted; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Run every registered cleanup, each failure ignored, for at most `timeoutMs` in all. */
export async function runInterruptCleanups(timeoutMs: number): Promise<void> {
  const all = Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([all, timeout]);
  clearTimeout(timer);
}
