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
const unreachable: Explanation = {
  what: (f) => `the S3 endpoint cannot be reached (${f.code})`,
  hint: (f) =>
    `Check "endpoint" and "region" in site-config.json${f.context.endpoint ? ` (now ${f.context.endpoint})` : ""} and that the server is running.`,
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
    `The credentials in use lack permission for ${f.context.operation} on this bucket (check the IAM policy, e.g. s3:ListBucket / s3:GetObject / s3:PutObject), or Block Public Access refuses a public ACL or policy.`,
};
const expired: Explanation = {
  what: () => "the session credentials have expired",
  hint: () => "Refresh them (e.g. `aws sso login`) and run again.",
};

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
  [
    "CredentialsProviderError",
    {
      what: () => "no AWS credentials found",
      hint: () => "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or log in with `aws sso login`.",
    },
  ],
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
  const code =
    networkCode(e) ?? (e.name && e.name !== "Unknown" && e.name !== "UnknownError" ? e.name : statusCode(status));
  const where = context.key ? `s3://${context.bucket}/${context.key}` : `s3://${context.bucket}`;
  const facts: Facts = { context, code, message: e.message, attempts: e.$metadata?.attempts };
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
