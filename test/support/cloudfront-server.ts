/**
 * A local CloudFront API for tests: CreateInvalidation and GetInvalidation as AWS's API reference
 * (version 2020-05-31) defines them, over real HTTP, so the real SDK client is exercised: XML bodies,
 * 201 with a Location header, CallerReference idempotency, CloudFront's limits on invalidations in
 * progress, and its errors (NoSuchDistribution 404, TooManyInvalidationsInProgress 400, …) as
 * `<ErrorResponse>` documents. No CloudFront emulator can be installed here, hence this one. It records
 * every request, and a test can make the next requests fail with a named error.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";

const VERSION = "2020-05-31";
const NAMESPACE = `http://cloudfront.amazonaws.com/doc/${VERSION}/`;

/** The errors this server answers with, and their HTTP status as AWS's API reference gives it. */
export const CLOUDFRONT_ERRORS = {
  AccessDenied: 403,
  BatchTooLarge: 413,
  InconsistentQuantities: 400,
  InvalidArgument: 400,
  InvalidationBatchAlreadyExists: 409,
  MissingBody: 400,
  NoSuchDistribution: 404,
  NoSuchInvalidation: 404,
  TooManyInvalidationsInProgress: 400,
  MissingAuthenticationToken: 403,
} as const;
export type CloudFrontErrorCode = keyof typeof CLOUDFRONT_ERRORS;

/** One request the server answered. */
export interface RecordedRequest {
  operation: "CreateInvalidation" | "GetInvalidation" | "unknown";
  method: string;
  url: string;
  distributionId?: string;
  /** CreateInvalidation's paths and CallerReference. */
  paths?: string[];
  callerReference?: string;
  /** The status answered. */
  status: number;
  /** The error code answered, if any. */
  error?: string;
}

/** An invalidation the server made. */
export interface StoredInvalidation {
  id: string;
  distributionId: string;
  callerReference: string;
  paths: string[];
  createTime: string;
  polls: number;
}

export interface CloudFrontServer {
  /** e.g. http://127.0.0.1:40123: what AWS_ENDPOINT_URL_CLOUDFRONT is set to. */
  endpoint: string;
  requests: RecordedRequest[];
  invalidations: StoredInvalidation[];
  /** The CreateInvalidation requests answered with 201, in order: their paths. */
  created(): string[][];
  /** The next `times` CreateInvalidation requests fail with `code`. */
  failNext(code: CloudFrontErrorCode, times?: number): void;
  close(): Promise<void>;
}

export interface CloudFrontServerOptions {
  /** The distributions that exist. */
  distributions: string[];
  /** GetInvalidation answers InProgress this many times before Completed; defaults to 1. */
  pollsUntilCompleted?: number;
}

/** Start the server on a free port of 127.0.0.1. */
export async function startCloudFrontServer(options: CloudFrontServerOptions): Promise<CloudFrontServer> {
  const state: ServerState = {
    distributions: new Set(options.distributions),
    pollsUntilCompleted: options.pollsUntilCompleted ?? 1,
    requests: [],
    invalidations: [],
    faults: [],
  };
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(state, request, body, response))
      .catch((error: Error) => response.writeHead(500).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.endpoint = endpoint;
  return {
    endpoint,
    requests: state.requests,
    invalidations: state.invalidations,
    created: () =>
      state.requests.filter((r) => r.operation === "CreateInvalidation" && r.status === 201).map((r) => r.paths!),
    failNext: (code, times = 1) => state.faults.push(...Array.from({ length: times }, () => code)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface ServerState {
  endpoint?: string;
  distributions: Set<string>;
  pollsUntilCompleted: number;
  requests: RecordedRequest[];
  invalidations: StoredInvalidation[];
  faults: CloudFrontErrorCode[];
}

/** A request's answer: status, XML body, extra headers. */
interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  error?: string;
}

function answer(state: ServerState, request: IncomingMessage, body: string, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://localhost");
  const create = new RegExp(`^/${VERSION}/distribution/([^/]+)/invalidation$`).exec(url.pathname);
  const get = new RegExp(`^/${VERSION}/distribution/([^/]+)/invalidation/([^/]+)$`).exec(url.pathname);
  const operation =
    create && request.method === "POST"
      ? "CreateInvalidation"
      : get && request.method === "GET"
        ? "GetInvalidation"
        : "unknown";
  const distributionId = decodeURIComponent((create ?? get)?.[1] ?? "") || undefined;
  const record: RecordedRequest = {
    operation,
    method: request.method ?? "",
    url: url.pathname,
    distributionId,
    status: 0,
  };
  const result =
    authProblem(request) ??
    (operation === "CreateInvalidation"
      ? createInvalidation(state, distributionId!, body, record)
      : operation === "GetInvalidation"
        ? getInvalidation(state, distributionId!, decodeURIComponent(get![2]!))
        : failure("InvalidArgument", `no such operation: ${request.method} ${url.pathname}`));
  record.status = result.status;
  record.error = result.error;
  state.requests.push(record);
  response.writeHead(result.status, {
    "Content-Type": "text/xml",
    "x-amzn-RequestId": randomUUID(),
    ...result.headers,
  });
  response.end(result.body);
}

/** CloudFront wants a SigV4 signature for the service `cloudfront` in us-east-1. */
function authProblem(request: IncomingMessage): Answer | undefined {
  const auth = request.headers.authorization ?? "";
  if (!auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.includes("/us-east-1/cloudfront/aws4_request"))
    return failure(
      "MissingAuthenticationToken",
      "Request is missing a SigV4 Authentication Token for cloudfront in us-east-1.",
    );
  return undefined;
}

/** POST /2020-05-31/distribution/{Id}/invalidation. */
function createInvalidation(state: ServerState, distributionId: string, body: string, record: RecordedRequest): Answer {
  if (!state.distributions.has(distributionId))
    return failure("NoSuchDistribution", "The specified distribution does not exist.");
  const batch = parseBatch(body);
  if ("status" in batch) return batch;
  record.paths = batch.paths;
  record.callerReference = batch.callerReference;
  const fault = state.faults.shift();
  if (fault) return failure(fault, `injected by the test: ${fault}`);
  const earlier = state.invalidations.find(
    (i) => i.distributionId === distributionId && i.callerReference === batch.callerReference,
  );
  if (earlier && JSON.stringify(earlier.paths) !== JSON.stringify(batch.paths))
    return failure("InvalidationBatchAlreadyExists", "CallerReference was already used with other paths.");
  const invalidation = earlier ?? newInvalidation(state, distributionId, batch);
  if ("status" in invalidation) return invalidation;
  return {
    status: 201,
    headers: {
      Location: `${state.endpoint}/${VERSION}/distribution/${distributionId}/invalidation/${invalidation.id}`,
    },
    body: invalidationXml(invalidation, statusOf(state, invalidation)),
  };
}

/** A new invalidation, unless CloudFront's limits on what is in progress at once refuse it. */
function newInvalidation(
  state: ServerState,
  distributionId: string,
  batch: { paths: string[]; callerReference: string },
): StoredInvalidation | Answer {
  const inProgress = state.invalidations
    .filter((i) => i.distributionId === distributionId && statusOf(state, i) === "InProgress")
    .flatMap((i) => i.paths)
    .concat(batch.paths);
  const wildcards = inProgress.filter((p) => p.endsWith("*")).length;
  if (wildcards > 15 || inProgress.length - wildcards > 3000)
    return failure("TooManyInvalidationsInProgress", "Your request contains too many invalidations in progress.");
  const invalidation = {
    id: `I${randomBytes(8).toString("hex").toUpperCase().slice(0, 13)}`,
    distributionId,
    callerReference: batch.callerReference,
    paths: batch.paths,
    createTime: new Date().toISOString(),
    polls: 0,
  };
  state.invalidations.push(invalidation);
  return invalidation;
}

/** GET /2020-05-31/distribution/{Id}/invalidation/{Id}; each GET counts as a poll. */
function getInvalidation(state: ServerState, distributionId: string, id: string): Answer {
  if (!state.distributions.has(distributionId))
    return failure("NoSuchDistribution", "The specified distribution does not exist.");
  const invalidation = state.invalidations.find((i) => i.distributionId === distributionId && i.id === id);
  if (!invalidation) return failure("NoSuchInvalidation", "The specified invalidation does not exist.");
  invalidation.polls += 1;
  return { status: 200, body: invalidationXml(invalidation, statusOf(state, invalidation)) };
}

function statusOf(state: ServerState, invalidation: StoredInvalidation): string {
  return invalidation.polls >= state.pollsUntilCompleted ? "Completed" : "InProgress";
}

/** The InvalidationBatch of a request body, checked as CloudFront checks it, or the error answer. */
function parseBatch(body: string): { paths: string[]; callerReference: string } | Answer {
  if (!body.trim()) return failure("MissingBody", "This operation requires a body.");
  const parsed = new XMLParser({ parseTagValue: false, isArray: (name) => name === "Path" }).parse(body) as {
    InvalidationBatch?: { CallerReference?: string; Paths?: { Quantity?: string; Items?: { Path?: string[] } } };
  };
  const batch = parsed.InvalidationBatch;
  const paths = batch?.Paths?.Items?.Path ?? [];
  if (!batch?.CallerReference) return failure("InvalidArgument", "CallerReference is required.");
  if (Number(batch.Paths?.Quantity) !== paths.length)
    return failure("InconsistentQuantities", "The value of Quantity and the size of Items don't match.");
  if (paths.length > 3000) return failure("BatchTooLarge", "Invalidation batch specified is too large.");
  const bad = paths.find((p) => !p.startsWith("/") || p.slice(0, -1).includes("*") || /[^\x21-\x7e]/.test(p));
  if (bad !== undefined) return failure("InvalidArgument", `Invalid path: ${bad}`);
  return { paths, callerReference: batch.CallerReference };
}

function invalidationXml(invalidation: StoredInvalidation, status: string): string {
  const paths = invalidation.paths.map((p) => `<Path>${escapeXml(p)}</Path>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invalidation xmlns="${NAMESPACE}"><Id>${invalidation.id}</Id><Status>${status}</Status><CreateTime>${invalidation.createTime}</CreateTime><InvalidationBatch><Paths><Quantity>${invalidation.paths.length}</Quantity><Items>${paths}</Items></Paths><CallerReference>${escapeXml(invalidation.callerReference)}</CallerReference></InvalidationBatch></Invalidation>`;
}

function failure(code: CloudFrontErrorCode, message: string): Answer {
  return {
    status: CLOUDFRONT_ERRORS[code],
    error: code,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}
