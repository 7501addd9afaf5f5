/**
 * The CloudFront requests of a deploy: CreateInvalidation, and GetInvalidation while --wait waits. The
 * client takes its endpoint from the SDK's own settings, so AWS_ENDPOINT_URL_CLOUDFRONT (or
 * AWS_ENDPOINT_URL, or a profile's endpoint_url) points it at another server, as for the AWS CLI.
 */
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetInvalidationCommand,
  type Invalidation,
} from "@aws-sdk/client-cloudfront";
import {
  S3_CONNECT_TIMEOUT_MS_DEFAULT,
  S3_MAX_ATTEMPTS_DEFAULT,
  S3_REQUEST_TIMEOUT_MS_DEFAULT,
  type S3Options,
} from "../config/index.js";

/** The environment variable the SDK reads for CloudFront's endpoint (the AWS CLI reads it too). */
export const CLOUDFRONT_ENDPOINT_ENV = "AWS_ENDPOINT_URL_CLOUDFRONT";

/**
 * A CloudFront client with the config's timeouts and attempts (`s3`: the same network, the same
 * patience). CloudFront is global: its requests are signed for us-east-1 whatever the buckets' region.
 */
export function createCloudFrontClient(s3: Partial<S3Options> = {}): CloudFrontClient {
  return new CloudFrontClient({
    region: "us-east-1",
    maxAttempts: s3.maxAttempts ?? S3_MAX_ATTEMPTS_DEFAULT,
    requestHandler: {
      connectionTimeout: s3.connectTimeoutMs ?? S3_CONNECT_TIMEOUT_MS_DEFAULT,
      socketTimeout: s3.requestTimeoutMs ?? S3_REQUEST_TIMEOUT_MS_DEFAULT,
    },
  });
}

/** An invalidation CloudFront accepted. */
export interface CreatedInvalidation {
  id: string;
  /** `InProgress` or `Completed`. */
  status: string;
}

/**
 * Ask CloudFront to invalidate `paths`. The SDK's retries resend the same CallerReference, so a retry
 * after a lost answer returns the invalidation already made instead of making (and billing) another.
 */
export async function createInvalidation(
  client: CloudFrontClient,
  distributionId: string,
  batch: { paths: readonly string[]; callerReference: string },
): Promise<CreatedInvalidation> {
  const answer = await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: batch.callerReference,
        Paths: { Quantity: batch.paths.length, Items: [...batch.paths] },
      },
    }),
  );
  return createdOf(answer.Invalidation);
}

/** The status of an invalidation: `InProgress` or `Completed`. */
export async function invalidationStatus(
  client: CloudFrontClient,
  distributionId: string,
  id: string,
): Promise<string> {
  const answer = await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
  return createdOf(answer.Invalidation).status;
}

function createdOf(invalidation: Invalidation | undefined): CreatedInvalidation {
  return { id: invalidation?.Id ?? "(no id)", status: invalidation?.Status ?? "(unknown)" };
}

/** Where CloudFront's requests go, for messages: the endpoint the environment sets, else AWS's. */
export function cloudFrontEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return env[CLOUDFRONT_ENDPOINT_ENV] ?? env.AWS_ENDPOINT_URL ?? "https://cloudfront.amazonaws.com";
}

/** Why a CloudFront request failed, in words, with what to do about it. */
export function describeCloudFrontFailure(error: unknown, distributionId: string): { reason: string; hint?: string } {
  const failure = error as { name?: string; message?: string; code?: string; $metadata?: { attempts?: number } };
  const name = failure.name ?? "Error";
  const retried = (failure.$metadata?.attempts ?? 1) > 1 ? `; tried ${failure.$metadata?.attempts} times` : "";
  const known = KNOWN_FAILURES[name];
  if (known) return { reason: `${known.reason(distributionId)} (${name}${retried})`, hint: known.hint(distributionId) };
  const network = failure.code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (network && /^E[A-Z]+$/.test(network))
    return {
      reason: `cannot reach CloudFront at ${cloudFrontEndpoint()} (${network}${retried})`,
      hint: `Check the network, or ${CLOUDFRONT_ENDPOINT_ENV} when it is set.`,
    };
  return { reason: `${name}: ${failure.message ?? "(no message)"}${retried ? ` (${retried.slice(2)})` : ""}` };
}

const KNOWN_FAILURES: Record<string, { reason: (id: string) => string; hint: (id: string) => string }> = {
  NoSuchDistribution: {
    reason: (id) => `CloudFront has no distribution ${id}`,
    hint: () =>
      "Check site.cloudfront.distributionId (or --distribution-id): `aws cloudfront list-distributions --query 'DistributionList.Items[].[Id,Aliases.Items]'` lists the account's.",
  },
  TooManyInvalidationsInProgress: {
    reason: (id) => `distribution ${id} has too many invalidations in progress`,
    hint: () =>
      "CloudFront runs at most 3,000 file paths and 15 wildcard paths at once on a distribution: wait a few minutes for them to finish.",
  },
  AccessDenied: {
    reason: (id) => `the credentials in use may not invalidate distribution ${id}`,
    hint: (id) =>
      `Allow cloudfront:CreateInvalidation (and cloudfront:GetInvalidation, for --wait) on arn:aws:cloudfront::ACCOUNT:distribution/${id} in the IAM policy.`,
  },
  CredentialsProviderError: {
    reason: () => "no AWS credentials found",
    hint: () => "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or log in with `aws sso login`.",
  },
  NoSuchInvalidation: {
    reason: (id) => `distribution ${id} has no such invalidation`,
    hint: (id) => `List its invalidations: aws cloudfront list-invalidations --distribution-id ${id}`,
  },
};
