/** A Logger for the CLI. With json, progress goes to stderr so stdout holds only the JSON result. */
export function cliLogger({ json }) {
    return {
        info: (line) => (json ? process.stderr : process.stdout).write(`${line}\n`),
        warn: (line) => process.stderr.write(`warning: ${line}\n`),
    };
}
