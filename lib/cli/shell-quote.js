/** Quoting for commands the CLI prints for the user to paste. */
/** `value` quoted for a POSIX shell when it needs it, so a printed command can be pasted. */
export function shellQuote(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
