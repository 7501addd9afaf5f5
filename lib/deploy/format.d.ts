import { type SyncPlan } from "./plan.js";
import type { SyncReport } from "./execute.js";
/** One line per action, Hugo style, then the counts. */
export declare function formatPlan(plan: SyncPlan, changes?: readonly string[]): string[];
/** `Uploaded 3, skipped 10, deleted 1 (45.2 kB in 1.2s)` or `No changes required.` */
export declare function formatReport(report: SyncReport): string;
