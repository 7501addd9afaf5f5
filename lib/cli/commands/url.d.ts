declare const _default: import("../command.js").Command<{
    bucket: {
        type: "string";
    };
}>;
export default _default;
