#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so there is no compile step and
// signals (Ctrl-C) reach the CLI directly.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
