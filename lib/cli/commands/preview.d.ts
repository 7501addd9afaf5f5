declare const _default: import("../command.js").Command<{
    port: {
        type: "string";
    };
    output: {
        type: "string";
    };
    watch: {
        type: "boolean";
    };
}>;
export default _default;
