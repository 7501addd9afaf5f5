/**
 * Clean-ups to run if the process exits half-way: the CLI exits at once on Ctrl-C (process.exit
 * runs "exit" listeners, not pending finally blocks), and an interrupted download or build must not
 * leave half-written files behind. Leaf module.
 */
import { rmSync } from "node:fs";
const pending = new Set();
let listening = false;
/** Run `cleanUp` (synchronous) if the process exits before the returned release function is called. */
export function onExitBefore(cleanUp) {
    if (!listening) {
        process.once("exit", () => {
            for (const fn of pending) {
                try {
                    fn();
                }
                catch {
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
export function removeOnExit(path) {
    return onExitBefore(() => rmSync(path, { recursive: true, force: true }));
}
