/** "Did you mean …?" for a mistyped command or flag: the leaf src/suggest.ts, which the config uses too. */
export { closestName } from "../suggest.js";
