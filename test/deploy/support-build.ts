/** A real build for deploy tests: raw CSVs in the test S3 server, built into the config's output folder. */
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

const HEADER = "service_request_id,service_name,case_record_type\n";

/** A config of fresh buckets whose raw bucket holds two months, built once into its output folder. */
export async function builtSite(label: string): Promise<SiteConfig> {
  const config = testConfig({
    raw: { bucket: uniqueBucket(`${label}-raw`) },
    site: { bucket: uniqueBucket(`${label}-site`) },
  });
  await createBucket(testClient(), config.raw.bucket, {
    "2019_jan_01_gid_requests.csv": `${HEADER}1,Pothole,Request\n2,Graffiti,Request\n`,
    "2019_feb_01_gid_requests.csv": `${HEADER}3,Noise,Complaint\n`,
  });
  await buildSite(config, { logger: memoryLogger(), client: testClient() });
  return config;
}
