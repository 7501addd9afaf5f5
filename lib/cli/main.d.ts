#!/usr/bin/env node
/** Run the CLI with argv (without node and script); returns the exit code. */
export declare function main(argv: string[]): Promise<number>;
