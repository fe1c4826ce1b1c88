/**
 * What the Iceberg reader needs to open a local instance on the s3 profile: the same JDBC catalog as
 * localInstanceTarget, and S3Proxy's endpoint with the instance's key pair, read the way Trino's
 * native S3 file system reads it (path-style, the region it signs for).
 */
import { type InstanceSettings, WAREHOUSE_BUCKET } from "../../lib/lakehouse/settings";
import { s3Endpoint } from "../s3proxy/s3proxy-config";
import { s3Target } from "../s3proxy/server";
import { S3_REGION } from "../trino/catalog-config";
import { instanceCatalogLogin, type ReaderTarget } from "./local-target";

export function s3InstanceTarget(s: InstanceSettings): ReaderTarget {
  const { credentials } = s3Target(s);
  return {
    catalog: instanceCatalogLogin(s),
    storage: {
      kind: "s3",
      warehouse: `s3://${WAREHOUSE_BUCKET}/`,
      endpoint: s3Endpoint(s),
      region: S3_REGION,
      pathStyle: true,
      accessKeyId: credentials.accessKey,
      secretAccessKey: credentials.secretKey,
    },
  };
}
