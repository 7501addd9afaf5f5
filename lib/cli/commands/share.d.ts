declare const _default: import("../command.js").Command<{
    bucket: {
        type: "string";
    };
    expires: {
        type: "string";
    };
}>;
export default _default;
/** The one positional argument, the key. */
export declare function onlyKey(positionals: string[], usage: string): string;
