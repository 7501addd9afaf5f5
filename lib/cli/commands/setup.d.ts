declare const _default: import("../command.js").Command<{
    "dry-run": {
        type: "boolean";
    };
}>;
export default _default;
