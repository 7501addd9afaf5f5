#!/usr/bin/env node
// The installed package runs the compiled JavaScript in lib/ (no TypeScript at run time, so it starts
// fast). In a checkout of the repository (src/ present: the repository-as-template way and the tests)
// it runs the sources through tsx's loader instead, so an edit never runs a stale lib/.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import("../lib/cli/main.js");
}
