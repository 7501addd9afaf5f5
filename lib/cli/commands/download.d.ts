declare const _default: import("../command.js").Command<{
    to: {
        type: "string";
    };
    bucket: {
        type: "string";
    };
}>;
export default _default;
