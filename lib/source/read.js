/** Stream one raw object from S3 into the CSV parser (no download to disk). */
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { SourceError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import { parseCsvStream } from "./parse.js";
/** Read and parse one raw CSV object. S3 failures become S3Error, bad content SourceError (key + line). */
export async function readCsvObject(client, config, key, options) {
    let body;
    try {
        const response = await client.send(new GetObjectCommand({ Bucket: config.raw.bucket, Key: key }));
        body = response.Body;
    }
    catch (error) {
        throw toS3Error(error, { operation: "read", bucket: config.raw.bucket, key, endpoint: config.endpoint });
    }
    try {
        return await parseCsvStream(body, key, options);
    }
    catch (error) {
        if (error instanceof SourceError)
            throw error;
        throw toS3Error(error, { operation: "read", bucket: config.raw.bucket, key, endpoint: config.endpoint });
    }
}
