declare const _default: import("../command.js").Command<{
    "dry-run": {
        type: "boolean";
    };
    delete: {
        type: "boolean";
    };
    "max-deletes": {
        type: "string";
    };
    force: {
        type: "boolean";
    };
    "verify-access": {
        type: "boolean";
    };
    output: {
        type: "string";
    };
}>;
export default _default;
