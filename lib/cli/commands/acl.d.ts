declare const _default: import("../command.js").Command<{
    bucket: {
        type: "string";
    };
    force: {
        type: "boolean";
    };
}>;
export default _default;
