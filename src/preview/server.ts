/**
 * Serve dist/ on 127.0.0.1 the way S3 website hosting serves the deployed site: index documents for
 * folders, a redirect from `/folder` to `/folder/`, the error document with 404 for missing keys, and
 * the same Content-Type and Cache-Control headers deploy sets (from site/headers).
 */
import { createHash } from "node:crypto";
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sep } from "node:path";
import { ReportsiteError } from "../errors.js";
import type { Logger } from "../log.js";
import { ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import { headersFor } from "../site/headers.js";
import { isBuildRecord, pathWithin } from "../site/index.js";

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

/** The event stream pages listen on for reloads; not a key S3 could serve, so it shadows nothing real. */
const RELOAD_PATH = "/__reportsite/reload";
const RELOAD_SCRIPT = `<script>new EventSource("${RELOAD_PATH}").onmessage = () => location.reload();</script>`;

export const PREVIEW_PORT_DEFAULT = 4321;

/** Start serving; resolves once the server listens. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const info = await stat(options.root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ReportsiteError(`nothing to preview: ${options.root} does not exist`, {
      hint: "Run `reportsite build` first.",
    });
  }
  const listeners = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    if (options.liveReload && request.url === RELOAD_PATH) return listen(listeners, response);
    void respond(options, request, response).catch((error: Error) => {
      options.logger.warn(`preview: ${request.url}: ${error.message}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new ReportsiteError(`port ${options.port ?? PREVIEW_PORT_DEFAULT} is in use`, {
              hint: "Pass --port with another number (or 0 for any free port).",
            })
          : error,
      ),
    );
    server.listen(options.port ?? PREVIEW_PORT_DEFAULT, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    reload: () => listeners.forEach((listener) => listener.write("data: reload\n\n")),
    close: () => {
      listeners.forEach((listener) => listener.end());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Keep a page's event stream open until it goes away. */
function listen(listeners: Set<ServerResponse>, response: ServerResponse): void {
  response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  response.write(": connected\n\n");
  listeners.add(response);
  response.on("close", () => listeners.delete(response));
}

async function respond(options: PreviewOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const key = keyOf(request.url ?? "/");
  const found = key === undefined ? undefined : await findObject(options.root, key);
  if (found?.redirect) {
    response.writeHead(302, { Location: `/${found.redirect}` }).end();
  } else if (found) {
    await send(response, request, 200, options, found.key);
  } else {
    await send(response, request, 404, options, ERROR_DOCUMENT);
  }
  options.logger.info(`${request.method} ${request.url} -> ${response.statusCode}`);
}

/** The S3 key a URL path names: percent-decoded, without the leading slash; folders get the index document. */
function keyOf(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, "http://preview").pathname).replace(/^\/+/, "");
    return path === "" || path.endsWith("/") ? `${path}${INDEX_DOCUMENT}` : path;
  } catch {
    return undefined;
  }
}

async function findObject(root: string, key: string): Promise<{ key: string; redirect?: string } | undefined> {
  if (isBuildRecord(key)) return undefined; // never deployed, so never served
  if (await isFile(root, key)) return { key };
  // S3 website hosting redirects `/folder` to `/folder/` when `folder/index.html` exists
  if (!key.endsWith(INDEX_DOCUMENT) && (await isFile(root, `${key}/${INDEX_DOCUMENT}`)))
    return { key, redirect: `${encodeURI(key)}/` };
  return undefined;
}

/**
 * Only regular files inside root are served, as deploy uploads them: a symlink (to a file, or a
 * folder on the way) that leads out of root is not followed, so `ln -s /etc/passwd dist/p.html` is a 404.
 */
async function isFile(root: string, key: string): Promise<boolean> {
  try {
    const path = pathWithin(root, key);
    if (!(await lstat(path)).isFile()) return false; // lstat: a symlink itself is not a regular file
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    return real.startsWith(realRoot + sep);
  } catch {
    return false;
  }
}

async function send(
  response: ServerResponse,
  request: IncomingMessage,
  status: number,
  { root, liveReload }: PreviewOptions,
  key: string,
): Promise<void> {
  const found = status === 404 ? await isFile(root, key) : true; // 200s were checked by findObject
  let body = found
    ? await readFile(pathWithin(root, key)).catch(() => Buffer.from(""))
    : Buffer.from(status === 404 ? "Not found" : "");
  const headers = headersFor(key);
  if (liveReload && headers.contentType.startsWith("text/html"))
    body = Buffer.concat([body, Buffer.from(RELOAD_SCRIPT)]);
  // S3's ETag of a single-part object is the MD5 of its bytes; a browser revalidates with If-None-Match
  const etag = `"${createHash("md5").update(body).digest("hex")}"`;
  if (status === 200 && request.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
    response.writeHead(304, { ETag: etag, "Cache-Control": headers.cacheControl }).end();
    return;
  }
  response.writeHead(status, {
    "Content-Type": headers.contentType,
    "Cache-Control": headers.cacheControl,
    "Content-Length": body.byteLength,
    ETag: etag,
  });
  response.end(request.method === "HEAD" ? undefined : body);
}
