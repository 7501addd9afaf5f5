declare const _default: import("../command.js").Command<{
    port: {
        type: "string";
    };
    output: {
        type: "string";
    };
}>;
export default _default;
