/**
 * The IAM policies `reportsite init` writes, computed from the config. Pure. Least privilege: read on
 * the raw prefix; on the site bucket exactly what `build` + `deploy` send in steady state (the one-off
 * bucket creation, website and policy changes of `reportsite setup` are for an administrator).
 */

/** A site config's fields the policies depend on. */
export interface PolicyTarget {
  raw: { bucket: string; prefix: string };
  site: { bucket: string; prefix: string; publicAccess: "auto" | "acl" | "policy" };
  /**
   * Whether the workflow deletes published files (`--delete`): only then does the role get
   * s3:DeleteObject, and only on the site prefix. Defaults to false (deploy deletes only when asked).
   */
  deletes?: boolean;
  /**
   * The CloudFront distribution in front of the site (init --https): deploy invalidates what it
   * changed there. Its id is known only once the hosting stack exists, so init writes a placeholder.
   */
  cloudfront?: { account: string; distributionId: string };
}

/**
 * The IAM action each S3 request of build and deploy needs (from AWS's "Actions, resources, and
 * condition keys for Amazon S3"). The test records the commands a real deploy sends and checks each
 * one against the generated policy through this table.
 */
export const COMMAND_ACTIONS: Record<string, { action: string; on: "bucket" | "object" }> = {
  ListObjectsV2Command: { action: "s3:ListBucket", on: "bucket" },
  HeadBucketCommand: { action: "s3:ListBucket", on: "bucket" },
  GetObjectCommand: { action: "s3:GetObject", on: "object" },
  HeadObjectCommand: { action: "s3:GetObject", on: "object" },
  PutObjectCommand: { action: "s3:PutObject", on: "object" },
  CreateMultipartUploadCommand: { action: "s3:PutObject", on: "object" },
  UploadPartCommand: { action: "s3:PutObject", on: "object" },
  CompleteMultipartUploadCommand: { action: "s3:PutObject", on: "object" },
  AbortMultipartUploadCommand: { action: "s3:AbortMultipartUpload", on: "object" },
  DeleteObjectCommand: { action: "s3:DeleteObject", on: "object" },
  GetBucketWebsiteCommand: { action: "s3:GetBucketWebsite", on: "bucket" },
  GetBucketPolicyCommand: { action: "s3:GetBucketPolicy", on: "bucket" },
  GetPublicAccessBlockCommand: { action: "s3:GetBucketPublicAccessBlock", on: "bucket" },
  GetBucketOwnershipControlsCommand: { action: "s3:GetBucketOwnershipControls", on: "bucket" },
};

/** An IAM policy document. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: {
    Sid: string;
    Effect: "Allow";
    Action: string | string[];
    Resource?: string;
    Principal?: unknown;
    Condition?: unknown;
  }[];
}

/** The permission policy of the role the workflow assumes. */
export function planIamPolicy(target: PolicyTarget): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      ...rawStatements(target.raw),
      ...siteStatements(target.site, target.deletes === true),
      ...(target.cloudfront ? [invalidationStatement(target.cloudfront)] : []),
    ],
  };
}

/** Invalidate (and, for --wait, follow) the distribution's cache after a deploy: nothing else of CloudFront. */
function invalidationStatement({
  account,
  distributionId,
}: NonNullable<PolicyTarget["cloudfront"]>): PolicyDocument["Statement"][number] {
  return {
    Sid: "InvalidateSiteCache",
    Effect: "Allow",
    Action: ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
    // CloudFront is global: its ARNs have no region
    Resource: `arn:aws:cloudfront::${account}:distribution/${distributionId}`,
  };
}

/** List and read the raw exports below their prefix; nothing else in the raw bucket. */
function rawStatements(raw: PolicyTarget["raw"]): PolicyDocument["Statement"] {
  return [
    {
      Sid: "ListRawExports",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: `arn:aws:s3:::${raw.bucket}`,
      ...(raw.prefix ? { Condition: { StringLike: { "s3:prefix": [`${raw.prefix}*`] } } } : {}),
    },
    {
      Sid: "ReadRawExports",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `arn:aws:s3:::${raw.bucket}/${raw.prefix}*`,
    },
  ];
}

/** Check the site bucket's setup, and write (and, when the workflow deletes, delete) the published objects below the site prefix. */
function siteStatements(site: PolicyTarget["site"], deletes: boolean): PolicyDocument["Statement"] {
  // a PutObject with a canned ACL also needs s3:PutObjectAcl; "auto" may choose ACLs
  const objectWrite = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"];
  if (deletes) objectWrite.push("s3:DeleteObject");
  if (site.publicAccess !== "policy") objectWrite.push("s3:PutObjectAcl");
  return [
    {
      Sid: "CheckSiteBucket",
      Effect: "Allow",
      Action: [
        "s3:ListBucket",
        "s3:GetBucketWebsite",
        "s3:GetBucketPolicy",
        "s3:GetBucketPublicAccessBlock",
        "s3:GetBucketOwnershipControls",
      ],
      Resource: `arn:aws:s3:::${site.bucket}`,
    },
    {
      Sid: "PublishSite",
      Effect: "Allow",
      Action: objectWrite,
      Resource: `arn:aws:s3:::${site.bucket}/${site.prefix}*`,
    },
  ];
}

/** Who may assume the role: GitHub Actions runs of one repository, on one branch unless `branch` is undefined. */
export interface TrustTarget {
  account: string;
  /** owner/name */
  repository: string;
  /** e.g. main; undefined: any branch, tag or pull request of the repository. */
  branch?: string;
}

/**
 * The role reads private raw data: by default only runs on the default branch may assume it (a
 * workflow pushed to another branch could otherwise print the data), through OIDC, no stored keys.
 */
export function planTrustPolicy({ account, repository, branch }: TrustTarget): PolicyDocument {
  const subject = `repo:${repository}:${branch === undefined ? "*" : `ref:refs/heads/${branch}`}`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "GitHubActionsOfThisRepository",
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            ...(branch === undefined ? {} : { "token.actions.githubusercontent.com:sub": subject }),
          },
          ...(branch === undefined ? { StringLike: { "token.actions.githubusercontent.com:sub": subject } } : {}),
        },
      },
    ],
  };
}
