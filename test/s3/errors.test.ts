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
});
