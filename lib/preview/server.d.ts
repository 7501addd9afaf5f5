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
}
/** A running preview: its URL and how to stop it. */
export interface Preview {
    url: string;
    close(): Promise<void>;
}
export declare const PREVIEW_PORT_DEFAULT = 4321;
/** Start serving; resolves once the server listens. */
export declare function startPreview(options: PreviewOptions): Promise<Preview>;
