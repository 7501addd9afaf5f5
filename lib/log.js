/** Report a step: as progress when the logger counts, else as an info line. */
export function logProgress(logger, step) {
    if (logger.progress)
        logger.progress(step);
    else
        logger.info(step.line);
}
/** A logger that drops everything: the default for library callers who pass none. */
export const silentLogger = { info() { }, warn() { } };
/** A logger that remembers its lines; handy for scripts and tests. */
export function memoryLogger() {
    const lines = [];
    const warnings = [];
    return { lines, warnings, info: (l) => void lines.push(l), warn: (l) => void warnings.push(l) };
}
