declare const _default: import("../command.js").Command<{
    month: {
        type: "string";
        multiple: true;
    };
    "require-complete": {
        type: "boolean";
    };
    "skip-bad-files": {
        type: "boolean";
    };
    force: {
        type: "boolean";
    };
    output: {
        type: "string";
    };
}>;
export default _default;
