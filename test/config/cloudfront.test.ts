import { expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import { expectReportsiteError } from "../support/errors.js";

const raw = { bucket: "gid-raw" };

test("site.cloudfront.distributionId is read as given; without it the config has no distribution", () => {
  const config = configFromSpec({
    raw,
    site: { bucket: "gid-reports", cloudfront: { distributionId: "E2QWRUHAPOMQZL" } },
  });
  expect(config.site.cloudfront).toEqual({ distributionId: "E2QWRUHAPOMQZL" });
  expect(configFromSpec({ raw, site: { bucket: "gid-reports" } }).site.cloudfront).toBeUndefined();
});

test("a malformed distribution id or a mistyped key is a config error naming the key", async () => {
  const error = await expectReportsiteError(
    () =>
      configFromSpec({
        raw,
        site: { bucket: "gid-reports", cloudfront: { distributionId: "d111111abcdef8.cloudfront.net" } },
      }),
    { name: "ConfigError" },
  );
  expect(error.message).toContain(
    "site.cloudfront.distributionId: must be a CloudFront distribution id such as E2QWRUHAPOMQZL",
  );
  await expectReportsiteError(
    () =>
      configFromSpec({
        raw,
        site: { bucket: "gid-reports", cloudfront: { distributionID: "E2QWRUHAPOMQZL" } },
      }),
    { name: "ConfigError", message: /site\.cloudfront\.distributionID: unknown key; did you mean "distributionId"\?/ },
  );
});
