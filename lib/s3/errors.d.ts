/** Turn an SDK or network error into an S3Error whose message says what failed and what to check. */
import { S3Error } from "../errors.js";
/** What was being done when the error happened, for the message. */
export interface S3ErrorContext {
    /** e.g. "list", "read", "upload" */
    operation: string;
    bucket: string;
    key?: string;
    /** e.g. the endpoint, named when it cannot be reached, stalls or cuts the connection */
    endpoint?: string;
}
/** Map any error thrown by an S3 call to an S3Error with a hint. Already-mapped errors pass through. */
export declare function toS3Error(error: unknown, context: S3ErrorContext): S3Error;
