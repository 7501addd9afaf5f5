/** Turn an SDK or network error into an S3Error whose message says what failed and what to check. */
import { S3Error } from "../errors.js";

/** Why no ACL can be set: Object Ownership "bucket owner enforced", AWS's default for new buckets. */
export const ACLS_DISABLED = "the bucket has ACLs disabled (Object Ownership: bucket owner enforced)";

/** The two ways out of ACLS_DISABLED: the bucket policy mode, or ACLs enabled again. */
export function aclsDisabledHint(bucket: string): string {
  return (
    'Publish with a bucket policy instead: set "site.publicAccess": "policy" in site-config.json and run `reportsite setup`; ' +
    `or enable ACLs: aws s3api put-bucket-ownership-controls --bucket ${bucket} --ownership-controls 'Rules=[{ObjectOwnership=ObjectWriter}]'`
  );
}

/** What was being done when the error happened, for the message. */
export interface S3ErrorContext {
  /** e.g. "list", "read", "upload" */
  operation: string;
  bucket: string;
  key?: string;
  /** e.g. the endpoint, named when it cannot be reached, stalls or cuts the connection */
  endpoint?: string;
}

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  /** The raw answer (the SDK's hidden field); its Content-Type tells an HTML page from an S3 answer. */
  $response?: { headers?: Record<string, string | undefined> };
  cause?: unknown;
}

/** What an explanation gets to work with. */
interface Facts {
  context: S3ErrorContext;
  code: string;
  /** The server's or the socket's own words, when they say more than the code. */
  message?: string;
  /** Attempts the SDK made, retries included ($metadata.attempts). */
  attempts?: number;
  /** The code was read from the HTTP status alone: a HEAD answer has no body to name the error. */
  fromStatus?: boolean;
}

/** One row of the table: what happened, and what the user can do. */
interface Explanation {
  what: (facts: Facts) => string;
  hint?: (facts: Facts) => string;
}

const REACHABLE_CODES = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"];
const CUT_CODES = ["ECONNRESET", "EPIPE", "ECONNABORTED"];
const TIMEOUT_CODES = ["ETIMEDOUT", "TimeoutError"];
const NETWORK_CODES = new Set([...REACHABLE_CODES, ...CUT_CODES, ...TIMEOUT_CODES]);
/** Throttling and server-side failures: the SDK retries them with backoff before they reach us. */
const BUSY_CODES = [
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequests",
  "TooManyRequestsException",
  "ServiceUnavailable",
  "InternalError",
  "RequestTimeout",
  "RequestTimeoutException",
];

const endpointOf = (f: Facts) => f.context.endpoint ?? "the S3 endpoint";
const retried = ({ attempts }: Facts) =>
  attempts === undefined
    ? ""
    : attempts > 2
      ? `; retried ${attempts - 1} times`
      : attempts === 2
        ? "; retried once"
        : "; not retried";

const busy: Explanation = {
  what: (f) => `the server is busy or failing (${f.code}${retried(f)})`,
  hint: () =>
    'Run again later. If it persists, check the S3 service\'s status or server logs; "s3.maxAttempts" in site-config.json sets how often a request is tried.',
};
const cut: Explanation = {
  what: (f) => `the connection to ${endpointOf(f)} was cut before the answer was complete (${f.code}${retried(f)})`,
  hint: () =>
    "The server, a proxy or the network closed the connection mid-request; the server was reachable. Run again; if it keeps happening, check the network path and any proxy in between.",
};
const timeout: Explanation = {
  what: (f) =>
    /establish a connection/.test(f.message ?? "")
      ? `no connection to ${endpointOf(f)} within the connection timeout (${f.code}${retried(f)})`
      : `${endpointOf(f)} stopped answering within the request timeout (${f.code}${retried(f)})`,
  hint: () =>
    'The server is stalled, overloaded or slow to reach. Run again; on a slow link raise "s3.connectTimeoutMs" / "s3.requestTimeoutMs" in site-config.json.',
};
/** Where the endpoint and region are set: a flag's value is blamed on the flag, not on the file. */
const ENDPOINT_SOURCES = '--endpoint-url or "endpoint" in site-config.json';
const REGION_SOURCES = '--region or "region" in site-config.json';
const unreachable: Explanation = {
  what: (f) => `the S3 endpoint cannot be reached (${f.code})`,
  hint: (f) =>
    `Check the endpoint (${f.context.endpoint ? `now ${f.context.endpoint}; ` : ""}set with ${ENDPOINT_SOURCES}) and the region (${REGION_SOURCES}), and that the server is running.`,
};
/** An HTML page where an S3 answer (XML) was expected: the SDK says "XML parse error … {error}.$response". */
const notS3: Explanation = {
  what: (f) =>
    `${endpointOf(f)} answered with an HTML page, not an S3 API response: it is not an S3 API endpoint (a website endpoint, or a proxy's or login page)`,
  hint: () =>
    `Set the S3 API endpoint with ${ENDPOINT_SOURCES}, e.g. http://127.0.0.1:7480 for a local server, or none for AWS. A website endpoint (s3-website-…, or a local server's website port) only serves pages: it belongs in "websiteEndpoint".`,
};
const wrongRegion: Explanation = {
  what: () => "the bucket is in another region than the one configured",
  hint: (f) =>
    `Set "region" in site-config.json to the bucket's region (aws s3api get-bucket-location --bucket ${f.context.bucket}).`,
};
const missing: Explanation = {
  what: (f) => (f.context.key ? "no such object" : "not found"),
  hint: () => "Check the key (it is case-sensitive) and the prefix.",
};
const denied: Explanation = {
  what: () => "access denied",
  hint: (f) =>
    `The credentials in use lack permission for ${f.context.operation} on this bucket (check the IAM policy, e.g. s3:ListBucket / s3:GetObject / s3:PutObject), or Block Public Access refuses a public ACL or policy.${f.fromStatus ? " This answer (HTTP 403 without a body, as HEAD requests get) carries no reason: a wrong secret key (AWS_SECRET_ACCESS_KEY, or the profile's) is refused the same way." : ""}`,
};
const expired: Explanation = {
  what: () => "the session credentials have expired",
  hint: () => "Refresh them (e.g. `aws sso login`) and run again.",
};

/** No credentials; with a profile (--profile or AWS_PROFILE), the profile is named. */
function noCredentials(): string {
  const profile = process.env.AWS_PROFILE;
  return profile ? `no AWS credentials found for the profile "${profile}"` : "no AWS credentials found";
}

function noCredentialsHint(): string {
  const profile = process.env.AWS_PROFILE;
  if (!profile) return "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or log in with `aws sso login`.";
  const config = process.env.AWS_CONFIG_FILE ?? "~/.aws/config";
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE ?? "~/.aws/credentials";
  return `Profiles are read from ${config} (as [profile ${profile}]) and ${credentials} (as [${profile}]): check the name with \`aws configure list-profiles\`, or log in with \`aws sso login --profile ${profile}\` if it is an SSO profile.`;
}

/** S3 error code (or network code) -> explanation. Codes not in the table keep the server's own words. */
const EXPLANATIONS: ReadonlyMap<string, Explanation> = new Map<string, Explanation>([
  ["PermanentRedirect", wrongRegion],
  ["AuthorizationHeaderMalformed", wrongRegion],
  ["IllegalLocationConstraintException", wrongRegion],
  [
    "NoSuchBucket",
    {
      what: () => "the bucket does not exist",
      hint: () => "Check the bucket name in site-config.json and the region/endpoint; create it if it is new.",
    },
  ],
  ["NoSuchKey", missing],
  ["NotFound", missing],
  ["AccessDenied", denied],
  ["AllAccessDisabled", denied],
  [
    "InvalidAccessKeyId",
    {
      what: () => "the access key id is not known to the server",
      hint: () =>
        "Check AWS_ACCESS_KEY_ID / AWS_PROFILE: the SDK's default credential chain picked up a key this server does not know.",
    },
  ],
  [
    "SignatureDoesNotMatch",
    {
      what: () => "the request signature does not match",
      hint: () => "Check AWS_SECRET_ACCESS_KEY (or the profile's secret) for the access key in use.",
    },
  ],
  ["ExpiredToken", expired],
  ["TokenRefreshRequired", expired],
  ["CredentialsProviderError", { what: noCredentials, hint: noCredentialsHint }],
  ["NotAnS3Endpoint", notS3],
  [
    "AccessControlListNotSupported",
    {
      what: () => ACLS_DISABLED,
      hint: ({ context }) => aclsDisabledHint(context.bucket),
    },
  ],
  ...REACHABLE_CODES.map((code) => [code, unreachable] as const),
  ...CUT_CODES.map((code) => [code, cut] as const),
  ...TIMEOUT_CODES.map((code) => [code, timeout] as const),
  ...BUSY_CODES.map((code) => [code, busy] as const),
]);

/** Map any error thrown by an S3 call to an S3Error with a hint. Already-mapped errors pass through. */
export function toS3Error(error: unknown, context: S3ErrorContext): S3Error {
  if (error instanceof S3Error) return error;
  const e = (error ?? {}) as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  const named = e.name && e.name !== "Unknown" && e.name !== "UnknownError" ? e.name : undefined;
  const code = networkCode(e) ?? (answeredHtml(e) ? "NotAnS3Endpoint" : (named ?? statusCode(status)));
  const where = context.key ? `s3://${context.bucket}/${context.key}` : `s3://${context.bucket}`;
  const fromStatus = !named && code === statusCode(status);
  const facts: Facts = { context, code, message: e.message, attempts: e.$metadata?.attempts, fromStatus };
  const explanation = EXPLANATIONS.get(code) ?? (status !== undefined && status >= 500 ? busy : undefined);
  const what = explanation ? explanation.what(facts) : ownWords(facts);
  return new S3Error(`cannot ${context.operation} ${where}: ${what}`, {
    code,
    status,
    hint: explanation?.hint?.(facts),
    cause: error,
  });
}

function networkCode(e: SdkLikeError): string | undefined {
  for (let cur: SdkLikeError | undefined = e, depth = 0; cur && depth < 4; cur = cur.cause as SdkLikeError, depth++) {
    if (cur.code && NETWORK_CODES.has(cur.code)) return cur.code;
    if (cur.name && NETWORK_CODES.has(cur.name)) return cur.name;
  }
  if (e.name === "CredentialsProviderError") return "CredentialsProviderError";
  return undefined;
}

/** S3 answers in XML (or with no body); an HTML page means the endpoint is something else. */
function answeredHtml(e: SdkLikeError): boolean {
  const type = e.$response?.headers?.["content-type"] ?? "";
  return /^text\/html/i.test(type) || /XML parse error/.test(e.message ?? "");
}

function statusCode(status: number | undefined): string {
  if (status === 403) return "AccessDenied";
  if (status === 404) return "NotFound";
  if (status === 301) return "PermanentRedirect"; // a HEAD answer has no body to name it
  return status ? `HTTP${status}` : "Unknown";
}

/** Keep what the server said: it is often the only clue (e.g. "InvalidBucketName: ..."). */
function ownWords({ code, message }: Facts): string {
  return message && message !== code && message !== "UnknownError" ? `${code}: ${message}` : code;
}
