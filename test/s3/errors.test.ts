import { describe, expect, test } from "vitest";
import { toS3Error } from "../../src/s3/index.js";

const sdkError = (name: string, message: string, status: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("S3 errors a user can act on", () => {
  test("a bucket in another region names the setting to change", () => {
    const error = toS3Error(sdkError("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.", 301), { operation: "list", bucket: "gid-raw" });
    expect(error.message).toBe("cannot list s3://gid-raw: the bucket is in another region than the one configured");
    expect(error.hint).toBe('Set "region" in site-config.json to the bucket\'s region (aws s3api get-bucket-location --bucket gid-raw).');
  });

  test("an error without a known explanation keeps the server's words", () => {
    const error = toS3Error(sdkError("InvalidBucketName", "The specified bucket is not valid.", 400), { operation: "list", bucket: "x" });
    expect(error.message).toBe("cannot list s3://x: InvalidBucketName: The specified bucket is not valid.");
    expect(error.code).toBe("InvalidBucketName");
  });

  test("a known code keeps its plain explanation", () => {
    expect(toS3Error(sdkError("NoSuchBucket", "The specified bucket does not exist", 404), { operation: "list", bucket: "x" }).message).toBe("cannot list s3://x: the bucket does not exist");
  });
});
