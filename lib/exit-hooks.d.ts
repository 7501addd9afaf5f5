/** Run `cleanUp` (synchronous) if the process exits before the returned release function is called. */
export declare function onExitBefore(cleanUp: () => void): () => void;
/** Remove `path` if the process exits before the returned release function is called. */
export declare function removeOnExit(path: string): () => void;
