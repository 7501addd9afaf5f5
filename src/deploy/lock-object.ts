/**
 * The deploy lock's object in the site bucket, and the only code that sends requests for it: reads,
 * and the two conditional writes the lock's correctness rests on (see lock.ts). Kept apart because
 * the servers differ in how they take If-Match, and that difference is learned and handled here alone.
 *
 * If-Match: RGW 16.2 compares the header with the ETag without its quotes (a quoted ETag always
 * fails), AWS with the quoted one. On a 412 the lock is read again: if its ETag is still the one sent,
 * the server refused the form, and the other form is used from then on.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { DeployError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import { DEPLOY_LOCK_KEY } from "../site-names.js";
import { nothingUploaded } from "./format.js";
import type { SiteBucket } from "./remote.js";
import { bareEtag, parseLockBody, sameEtag, toLockBody, type LockHolder, type LockSeen } from "./lock-state.js";

/** Which If-Match form each endpoint accepts, learned on the first 412 of an unchanged lock; quoted until then. */
const ifMatchForms = new Map<string, "quoted" | "bare">();

/** The lock object, with the If-Match form the server accepts. */
export class LockObject {
  readonly key: string;
  /** `setupChanges`: what bucket setup changed before this deploy took the lock, named if taking it fails. */
  constructor(
    readonly siteBucket: SiteBucket,
    private readonly setupChanges: readonly string[] = [],
  ) {
    this.key = siteBucket.prefix + DEPLOY_LOCK_KEY;
  }

  private ifMatchForm(): "quoted" | "bare" {
    return ifMatchForms.get(this.siteBucket.endpoint ?? "aws") ?? "quoted";
  }

  async read(): Promise<LockSeen> {
    try {
      const object = await this.siteBucket.client.send(
        new GetObjectCommand({ Bucket: this.siteBucket.bucket, Key: this.key }),
      );
      const text = (await object.Body?.transformToString()) ?? "";
      const holder = parseLockBody(text);
      const etag = object.ETag ?? "";
      return holder ? { kind: "lock", etag, holder } : { kind: "unreadable", etag, lastModified: object.LastModified };
    } catch (error) {
      if (statusOf(error) === 404) return { kind: "absent" };
      throw this.failed(error, "read");
    }
  }

  /** The lock's current ETag, or undefined when there is none. Throws the SDK's error. */
  async head(): Promise<string | undefined> {
    try {
      return (
        await this.siteBucket.client.send(new HeadObjectCommand({ Bucket: this.siteBucket.bucket, Key: this.key }))
      ).ETag;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Write `holder` if the lock is absent (`ifEtag` undefined) or still the version `ifEtag`.
   * Returns the new ETag, or undefined when another deploy wrote first (412, or 409 on AWS's racing writes).
   */
  async write(holder: LockHolder, ifEtag?: string): Promise<string | undefined> {
    const condition =
      ifEtag === undefined
        ? { IfNoneMatch: "*" }
        : { IfMatch: this.ifMatchForm() === "bare" ? bareEtag(ifEtag) : ifEtag };
    try {
      const put = await this.siteBucket.client.send(
        // no ACL: private to the bucket owner in "acl" mode; in "policy" mode the bucket policy makes every
        // key under the prefix public, this one too (it names a host, a pid and a CI run, nothing secret)
        new PutObjectCommand({
          Bucket: this.siteBucket.bucket,
          Key: this.key,
          Body: toLockBody(holder),
          ContentType: "application/json",
          CacheControl: "no-store",
          ...condition,
        }),
      );
      return put.ETag ?? (await this.head().catch(() => undefined));
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw this.failed(error, "write");
      if (ifEtag === undefined || status === 409) return undefined;
      // 412: the lock changed, or the server wants the other If-Match form (see the file comment)
      const current = await this.head().catch((headError: unknown) => {
        throw this.failed(headError, "read");
      });
      if (current === undefined || !sameEtag(current, ifEtag)) return undefined;
      if (this.ifMatchForm() === "bare")
        throw new DeployError(
          `${this.siteBucket.bucket} refuses conditional writes (PutObject with If-Match), which the deploy lock needs to take over a lock safely`,
          {
            phase: "lock",
            key: this.key,
            hint: `If no other deploy is running, delete the lock by hand (aws s3 rm s3://${this.siteBucket.bucket}/${this.key}) and deploy again.`,
          },
        );
      ifMatchForms.set(this.siteBucket.endpoint ?? "aws", "bare");
      return this.write(holder, ifEtag);
    }
  }

  /** The S3 error's message, e.g. `cannot read the deploy lock s3://site/.reportsite-deploy.lock: ...`. */
  explain(error: unknown): string {
    return this.s3Error(error, "read").message;
  }

  private s3Error(error: unknown, operation: "read" | "write") {
    return toS3Error(error, {
      operation: `${operation} the deploy lock`,
      bucket: this.siteBucket.bucket,
      key: this.key,
      endpoint: this.siteBucket.endpoint,
    });
  }

  private failed(error: unknown, operation: "read" | "write"): DeployError {
    const cause = this.s3Error(error, operation);
    return new DeployError(
      `${operation === "read" ? "reading" : "writing"} the deploy lock failed: ${cause.message}. ${nothingUploaded(this.setupChanges)}`,
      {
        phase: "lock",
        key: this.key,
        hint: [cause.hint, "Run deploy again when the cause is fixed."].filter(Boolean).join("\n"),
        cause: error,
      },
    );
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
