/** pandas' reading of a measure column's cells lives in a leaf (src/measure-value.ts): the scanner decides a column's kind by the same rules. */
export * from "../measure-value.js";
