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

  // issue 12 point 4: throttling and 5xx said "HTTP503" or "SlowDown" with no hint and no retry count
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
