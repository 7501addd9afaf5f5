import { describe, expect, test } from "vitest";
import { toS3Error } from "../../src/s3/index.js";

const sdkError = (name: string, message: string, status: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("S3 errors a user can act on", () => {
  test("a bucket in another region names the setting to change", () => {
    const error = toS3Error(
      sdkError(
        "PermanentRedirect",
        "The bucket you are attempting to access must be addressed using the specified endpoint.",
        301,
      ),
      { operation: "list", bucket: "gid-raw" },
    );
    expect(error.message).toBe("cannot list s3://gid-raw: the bucket is in another region than the one configured");
    expect(error.hint).toBe(
      'Set "region" in site-config.json to the bucket\'s region (aws s3api get-bucket-location --bucket gid-raw).',
    );
  });

  test("a HEAD answered 301 (no body, so the SDK cannot name it) gets the region hint too", () => {
    const error = toS3Error(sdkError("Unknown", "UnknownError", 301), { operation: "check", bucket: "gid-reports" });
    expect(error.message).toBe(
      "cannot check s3://gid-reports: the bucket is in another region than the one configured",
    );
  });

  test("a HEAD answered 403 in share is 'access denied' with what to check", async () => {
    const { objectError } = await import("../../src/share/errors.js");
    const error = await objectError(
      undefined as never,
      sdkError("Unknown", "UnknownError", 403),
      "share",
      "gid-raw",
      "a.csv",
    );
    expect(error.message).toBe("cannot share s3://gid-raw/a.csv: access denied");
    expect((error as { hint?: string }).hint).toMatch(/lack s3:GetObject .* or the secret key is wrong/);
  });

  test("an error without a known explanation keeps the server's words", () => {
    const error = toS3Error(sdkError("InvalidBucketName", "The specified bucket is not valid.", 400), {
      operation: "list",
      bucket: "x",
    });
    expect(error.message).toBe("cannot list s3://x: InvalidBucketName: The specified bucket is not valid.");
    expect(error.code).toBe("InvalidBucketName");
  });

  test("a known code keeps its plain explanation", () => {
    expect(
      toS3Error(sdkError("NoSuchBucket", "The specified bucket does not exist", 404), {
        operation: "list",
        bucket: "x",
      }).message,
    ).toBe("cannot list s3://x: the bucket does not exist");
  });

  // throttling and 5xx said "HTTP503" or "SlowDown" with no hint and no retry count
  test.each([
    ["SlowDown", "Please reduce your request rate.", 503],
    ["InternalError", "We encountered an internal error.", 500],
    ["Unknown", "UnknownError", 503], // a HEAD answer has no body to name it
    ["Unknown", "UnknownError", 502],
  ])("%s (%s, HTTP %s) says the server is busy or failing and how often it was retried", (name, message, status) => {
    const error = toS3Error(
      Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: 3 } }),
      { operation: "check", bucket: "gid-reports" },
    );
    expect(error.message).toMatch(
      /^cannot check s3:\/\/gid-reports: the server is busy or failing \(\w+; retried 2 times\)$/,
    );
    expect(error.hint).toMatch(/^Run again later\..*"s3\.maxAttempts"/);
  });

  test("a connection reset is a cut connection to the named endpoint, not a server that may be down", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), {
      code: "ECONNRESET",
      name: "TimeoutError", // what @smithy/node-http-handler names it
      $metadata: { attempts: 3 },
    });
    const error = toS3Error(reset, { operation: "upload", bucket: "site", key: "a.html", endpoint: "http://s3.test" });
    expect(error.message).toBe(
      "cannot upload s3://site/a.html: the connection to http://s3.test was cut before the answer was complete (ECONNRESET; retried 2 times)",
    );
    expect(error.hint).not.toMatch(/running/);
    expect(error.hint).toMatch(/the server was reachable/);
  });

  test("a stalled request names the operation, the endpoint and the setting to raise", () => {
    const stalled = Object.assign(
      new Error("@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity"),
      { name: "TimeoutError", $metadata: { attempts: 3 } },
    );
    const error = toS3Error(stalled, { operation: "read", bucket: "raw", key: "a.csv", endpoint: "http://s3.test" });
    expect(error.message).toBe(
      "cannot read s3://raw/a.csv: http://s3.test stopped answering within the request timeout (TimeoutError; retried 2 times)",
    );
    expect(error.hint).toMatch(/"s3\.requestTimeoutMs"/);
  });

  test("a connection that never opens names the connection timeout", () => {
    const error = toS3Error(
      Object.assign(
        new Error(
          "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.",
        ),
        { name: "TimeoutError", $metadata: { attempts: 1 } },
      ),
      { operation: "list", bucket: "raw" },
    );
    expect(error.message).toBe(
      "cannot list s3://raw: no connection to the S3 endpoint within the connection timeout (TimeoutError; not retried)",
    );
  });
});

describe("messages that name the real cause", () => {
  test("an HTML page where S3's XML was expected (the website port as endpoint) says so, not 'XML parse error'", () => {
    const parseError = Object.assign(
      new Error(
        "@aws-sdk XML parse error: missing closing tag </ul>.\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
      ),
      { $metadata: { httpStatusCode: 404 } },
    );
    const error = toS3Error(parseError, { operation: "list", bucket: "gid-raw", endpoint: "http://127.0.0.1:7482" });
    expect(error.message).toBe(
      "cannot list s3://gid-raw: http://127.0.0.1:7482 answered with an HTML page, not an S3 API response: it is not an S3 API endpoint (a website endpoint, or a proxy's or login page)",
    );
    expect(error.hint).toMatch(/^Set the S3 API endpoint with --endpoint-url or "endpoint" in site-config\.json/);
    expect(error.hint).toMatch(/belongs in "websiteEndpoint"/);
    expect(error.code).toBe("NotAnS3Endpoint");
  });

  test("a HEAD request's HTML 404 is the same", () => {
    const head = Object.assign(sdkError("NotFound", "UnknownError", 404), {
      $response: { headers: { "content-type": "text/html" } },
    });
    expect(toS3Error(head, { operation: "check", bucket: "site" }).code).toBe("NotAnS3Endpoint");
  });

  test("a HEAD 403 (no reason in the answer) names a wrong secret key as a possible cause", () => {
    const error = toS3Error(sdkError("Unknown", "UnknownError", 403), { operation: "check", bucket: "site" });
    expect(error.message).toBe("cannot check s3://site: access denied");
    expect(error.hint).toMatch(/carries no reason: a wrong secret key \(AWS_SECRET_ACCESS_KEY/);
    const named = toS3Error(sdkError("AccessDenied", "Access Denied", 403), { operation: "list", bucket: "site" });
    expect(named.hint).not.toMatch(/secret key/);
  });

  test("no credentials with a profile names the profile and where profiles are read", () => {
    const before = process.env.AWS_PROFILE;
    process.env.AWS_PROFILE = "nosuch";
    try {
      const error = toS3Error(
        sdkError("CredentialsProviderError", "Could not load credentials from any providers", 0),
        {
          operation: "list",
          bucket: "raw",
        },
      );
      expect(error.message).toBe('cannot list s3://raw: no AWS credentials found for the profile "nosuch"');
      expect(error.hint).toMatch(
        /~\/\.aws\/config \(as \[profile nosuch\]\) and ~\/\.aws\/credentials \(as \[nosuch\]\)/,
      );
    } finally {
      if (before === undefined) delete process.env.AWS_PROFILE;
      else process.env.AWS_PROFILE = before;
    }
  });
});
