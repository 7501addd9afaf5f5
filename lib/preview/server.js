/**
 * Serve dist/ on 127.0.0.1 the way S3 website hosting serves the deployed site: index documents for
 * folders, a redirect from `/folder` to `/folder/`, the error document with 404 for missing keys, and
 * the same Content-Type and Cache-Control headers deploy sets (from site/headers).
 */
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { ReportsiteError } from "../errors.js";
import { BUILD_MARKER, headersFor, pathWithin } from "../site/index.js";
export const PREVIEW_PORT_DEFAULT = 4321;
const INDEX_DOCUMENT = "index.html";
const ERROR_DOCUMENT = "error.html";
/** Start serving; resolves once the server listens. */
export async function startPreview(options) {
    const info = await stat(options.root).catch(() => undefined);
    if (!info?.isDirectory()) {
        throw new ReportsiteError(`nothing to preview: ${options.root} does not exist`, {
            hint: "Run `reportsite build` first.",
        });
    }
    const server = createServer((request, response) => {
        void respond(options, request, response).catch((error) => {
            options.logger.warn(`preview: ${request.url}: ${error.message}`);
            if (!response.headersSent)
                response.writeHead(500);
            response.end();
        });
    });
    await new Promise((resolve, reject) => {
        server.once("error", (error) => reject(error.code === "EADDRINUSE"
            ? new ReportsiteError(`port ${options.port ?? PREVIEW_PORT_DEFAULT} is in use`, {
                hint: "Pass --port with another number (or 0 for any free port).",
            })
            : error));
        server.listen(options.port ?? PREVIEW_PORT_DEFAULT, options.host ?? "127.0.0.1", resolve);
    });
    const { address, port } = server.address();
    return { url: `http://${address}:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
async function respond(options, request, response) {
    if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
    }
    const key = keyOf(request.url ?? "/");
    const found = key === undefined ? undefined : await findObject(options.root, key);
    if (found?.redirect) {
        response.writeHead(302, { Location: `/${found.redirect}` }).end();
    }
    else if (found) {
        await send(response, request, 200, options.root, found.key);
    }
    else {
        await send(response, request, 404, options.root, ERROR_DOCUMENT);
    }
    options.logger.info(`${request.method} ${request.url} -> ${response.statusCode}`);
}
/** The S3 key a URL path names: percent-decoded, without the leading slash; folders get the index document. */
function keyOf(url) {
    try {
        const path = decodeURIComponent(new URL(url, "http://preview").pathname).replace(/^\/+/, "");
        return path === "" || path.endsWith("/") ? `${path}${INDEX_DOCUMENT}` : path;
    }
    catch {
        return undefined;
    }
}
async function findObject(root, key) {
    if (key === BUILD_MARKER)
        return undefined; // never deployed, so never served
    if (await isFile(root, key))
        return { key };
    // S3 website hosting redirects `/folder` to `/folder/` when `folder/index.html` exists
    if (!key.endsWith(INDEX_DOCUMENT) && (await isFile(root, `${key}/${INDEX_DOCUMENT}`)))
        return { key, redirect: `${encodeURI(key)}/` };
    return undefined;
}
async function isFile(root, key) {
    try {
        return (await stat(pathWithin(root, key))).isFile();
    }
    catch {
        return false;
    }
}
async function send(response, request, status, root, key) {
    const body = await readFile(pathWithin(root, key)).catch(() => Buffer.from(status === 404 ? "Not found" : ""));
    const headers = headersFor(key);
    response.writeHead(status, {
        "Content-Type": headers.contentType,
        "Cache-Control": headers.cacheControl,
        "Content-Length": body.byteLength,
    });
    response.end(request.method === "HEAD" ? undefined : body);
}
