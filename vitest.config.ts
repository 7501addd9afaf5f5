import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/s3-server.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores: keep RGW responsive while tests run
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
