/** Pure: the raw key pattern (`{year}_{mon}_{day}_gid_requests.csv`) compiled to a matcher. */
export const MONTH_ABBREVIATIONS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
];
const PLACEHOLDERS = {
    year: "(?<year>\\d{4})",
    mon: `(?<mon>${MONTH_ABBREVIATIONS.join("|")})`,
    month: "(?<month>0[1-9]|1[0-2])",
    day: "(?<day>0?[1-9]|[12]\\d|3[01])",
};
/** Problems with a pattern, as sentences; empty when the pattern is usable. */
export function checkKeyPattern(pattern) {
    const { names, problems } = checkPlaceholders(pattern, Object.keys(PLACEHOLDERS));
    if (!names.includes("year"))
        problems.push("needs {year}");
    if (names.includes("mon") === names.includes("month"))
        problems.push("needs exactly one of {mon} (jan) or {month} (01)");
    return problems;
}
/**
 * The `{name}` placeholders of a template, and the problems every template shares: a name not in
 * `allowed`, or one that appears twice. Each template adds what it needs on top.
 */
export function checkPlaceholders(template, allowed) {
    const problems = [];
    const names = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
    const choices = allowed.map((a) => `{${a}}`);
    const list = `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
    for (const name of names)
        if (!allowed.includes(name))
            problems.push(`unknown placeholder {${name}}; use ${list}`);
    for (const name of new Set(names))
        if (names.filter((n) => n === name).length > 1)
            problems.push(`placeholder {${name}} appears more than once`);
    return { names, problems };
}
/** Compile a pattern that passed checkKeyPattern. */
export function compileKeyPattern(pattern) {
    const body = pattern
        .split(/(\{[a-z]+\})/)
        .map((part) => {
        const name = /^\{([a-z]+)\}$/.exec(part)?.[1];
        return name && PLACEHOLDERS[name] ? PLACEHOLDERS[name] : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
        .join("");
    const regex = new RegExp(`^${body}$`, "i");
    return {
        source: pattern,
        match(name) {
            const groups = regex.exec(name)?.groups;
            if (!groups)
                return undefined;
            const month = groups.mon
                ? MONTH_ABBREVIATIONS.indexOf(groups.mon.toLowerCase()) + 1
                : Number(groups.month);
            return { year: Number(groups.year), month, day: groups.day === undefined ? undefined : Number(groups.day) };
        },
    };
}
