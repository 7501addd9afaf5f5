/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the test S3 server. Requests pass
 * through unchanged (the Host header too, so SigV4 signatures stay valid) unless the proxy decides
 * to fail them. Decisions come from a seeded generator, in the order requests arrive, and are
 * bounded by a rate and a maximum number of faults, so a test is repeatable and always ends.
 *
 * @example
 *   const proxy = await startFaultProxy({ target: testServer().endpoint, rate: 0.2, seed: 7, maxFaults: 20 });
 *   const config = testConfig({ ..., endpoint: proxy.endpoint });
 *   ...
 *   await proxy.close();
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * What the proxy can do to a request:
 * - `slowdown`: 503 with an S3 `SlowDown` XML error body (throttling);
 * - `internal`: 500 with an S3 `InternalError` XML error body;
 * - `reset`: the connection is reset before any answer (ECONNRESET at the client);
 * - `stall`: the request is read and never answered, until the client gives up (or the proxy closes);
 * - `stall-body`: the server's headers and half its body are sent, then nothing more;
 * - `truncate`: the server's headers (with the full Content-Length) and half its body, then the connection is cut;
 * - `truncate-lines`: the body is cut at the last line break before its middle and sent whole, with a
 *   matching, shortened Content-Length: the client sees a complete, shorter answer.
 * The body faults need a body: a request whose answer has none (HEAD, PUT, 204) gets `reset` instead.
 */
export type FaultKind = "slowdown" | "internal" | "reset" | "stall" | "stall-body" | "truncate" | "truncate-lines";

/** Which requests may be faulted. Everything matches when a field is left out. */
export interface FaultFilter {
  /** e.g. "GET" or ["PUT", "POST"] */
  method?: string | string[];
  /** Tested against the request's path and query, e.g. /\/index\.html$/ or (p) => p.includes("list-type=2"). */
  path?: RegExp | ((pathAndQuery: string) => boolean);
}

/** How the proxy behaves; `set()` changes it while running. */
export interface FaultProxyOptions {
  /** The server to forward to, e.g. http://127.0.0.1:7480 (only 127.0.0.1 / localhost). */
  target: string;
  /** Seed of the decision generator; defaults to 1. */
  seed?: number;
  /** Probability that a matching request is faulted, 0..1; defaults to 0. */
  rate?: number;
  /** Stop faulting after this many faults; defaults to unlimited. */
  maxFaults?: number;
  /** The kinds picked from (uniformly, by the same generator); defaults to every kind. */
  kinds?: FaultKind[];
  /** Fault only these requests. */
  only?: FaultFilter;
  /**
   * Explicit faults, used before the random ones: the n-th matching request (1-based) gets `script[n-1]`
   * (`undefined` passes it through). For "the 3rd PUT fails with a reset" tests.
   */
  script?: (FaultKind | undefined)[];
}

/** One fault the proxy injected. */
export interface InjectedFault {
  kind: FaultKind;
  method: string;
  path: string;
}

/** A running proxy. */
export interface FaultProxy {
  /** http://127.0.0.1:PORT, to use as the S3 endpoint. */
  endpoint: string;
  /** Every fault injected so far, in order. */
  faults: InjectedFault[];
  /** Requests seen so far (faulted or not). */
  requests: () => number;
  /** Change rate, kinds, filter, script or the fault budget; the generator keeps its state unless `seed` is given. */
  set(options: Partial<Omit<FaultProxyOptions, "target">>): void;
  /** Stop listening and cut every open connection (stalled ones too). */
  close(): Promise<void>;
}

export const ALL_FAULT_KINDS: readonly FaultKind[] = [
  "slowdown",
  "internal",
  "reset",
  "stall",
  "stall-body",
  "truncate",
  "truncate-lines",
];

/** mulberry32: a tiny seeded generator; the same seed gives the same decisions. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matches(filter: FaultFilter | undefined, req: IncomingMessage): boolean {
  if (!filter) return true;
  const methods = filter.method === undefined ? undefined : [filter.method].flat().map((m) => m.toUpperCase());
  if (methods && !methods.includes(req.method ?? "")) return false;
  const path = req.url ?? "/";
  if (filter.path instanceof RegExp) return filter.path.test(path);
  return filter.path ? filter.path(path) : true;
}

/** Start a proxy on 127.0.0.1 (a free port) forwarding to `options.target`. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname))
    throw new Error(`the fault proxy forwards only to this machine, not to ${target.hostname}`);
  let settings = { rate: 0, kinds: [...ALL_FAULT_KINDS], ...options };
  let random = seededRandom(options.seed ?? 1);
  let matched = 0;
  let requests = 0;
  const faults: InjectedFault[] = [];
  const sockets = new Set<Socket>();

  const decide = (req: IncomingMessage): FaultKind | undefined => {
    if (!matches(settings.only, req)) return undefined;
    matched++;
    if (settings.maxFaults !== undefined && faults.length >= settings.maxFaults) return undefined;
    if (settings.script && matched <= settings.script.length) return settings.script[matched - 1];
    if (random() >= settings.rate) return undefined;
    return settings.kinds[Math.floor(random() * settings.kinds.length)];
  };

  const server = createServer((req, res) => {
    requests++;
    const kind = decide(req);
    if (kind) faults.push({ kind, method: req.method ?? "", path: req.url ?? "" });
    handle(kind, req, res, target);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    requests: () => requests,
    set(change) {
      settings = { ...settings, ...change };
      if (change.script) matched = 0;
      if (change.seed !== undefined) random = seededRandom(change.seed);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function handle(kind: FaultKind | undefined, req: IncomingMessage, res: ServerResponse, target: URL): void {
  switch (kind) {
    case "slowdown":
      return afterBody(req, () => s3Error(res, 503, "SlowDown", "Please reduce your request rate."));
    case "internal":
      return afterBody(req, () => s3Error(res, 500, "InternalError", "We encountered an internal error."));
    case "reset":
      return reset(req.socket);
    case "stall":
      return void req.resume(); // read the upload, answer nothing
    case "stall-body":
    case "truncate":
    case "truncate-lines":
    case undefined:
      return forward(kind, req, res, target);
  }
}

/** Answer only once the client has sent its whole body, as a real server does. */
function afterBody(req: IncomingMessage, answer: () => void): void {
  req.on("end", answer);
  req.resume();
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault-proxy</RequestId></Error>`;
  res.writeHead(status, { "content-type": "application/xml", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function reset(socket: Socket): void {
  // a TCP RST (ECONNRESET at the client), not a polite FIN
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/** Pass the request to the server; a body fault changes what comes back. */
function forward(kind: FaultKind | undefined, req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      if (!kind) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => faultBody(kind, Buffer.concat(chunks), answer, res));
    },
  );
  upstream.on("error", () => reset(req.socket));
  req.pipe(upstream);
}

function faultBody(kind: FaultKind, body: Buffer, answer: IncomingMessage, res: ServerResponse): void {
  if (body.length < 2) return reset(res.socket!);
  const half = Math.floor(body.length / 2);
  if (kind === "truncate-lines") {
    const cut = body.lastIndexOf(0x0a, half - 1) + 1; // keep whole lines only (0 when the first line is long)
    res.writeHead(answer.statusCode ?? 200, { ...answer.headers, "content-length": String(cut) });
    res.end(body.subarray(0, cut));
    return;
  }
  res.writeHead(answer.statusCode ?? 200, answer.headers);
  res.write(body.subarray(0, half));
  // flush what was written, then cut (truncate) or go silent (stall-body)
  if (kind === "truncate") setTimeout(() => res.socket?.destroy(), 20);
}
