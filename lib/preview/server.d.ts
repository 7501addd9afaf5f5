import type { Logger } from "../log.js";
/** Options of startPreview. */
export interface PreviewOptions {
    /** Folder to serve (the config's output). */
    root: string;
    /** Defaults to 4321; 0 picks a free port. */
    port?: number;
    /** Defaults to 127.0.0.1: the preview is for this machine only. */
    host?: string;
    logger: Logger;
    /** Pages get a small script that reloads them when `reload()` is called (preview --watch). Defaults to false. */
    liveReload?: boolean;
}
/** A running preview: its URL and how to stop it. */
export interface Preview {
    url: string;
    /** Tell every open page to reload (with liveReload). */
    reload(): void;
    close(): Promise<void>;
}
export declare const PREVIEW_PORT_DEFAULT = 4321;
/** Start serving; resolves once the server listens. */
export declare function startPreview(options: PreviewOptions): Promise<Preview>;
