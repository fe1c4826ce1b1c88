package dev.pulse.icebergreader;

/**
 * JVM-wide AWS SDK settings for S3-compatible stores. Since 2.30 the SDK adds CRC32 checksum
 * headers to requests by default, which only AWS itself accepts: s3proxy (Pulse's local object
 * store) answers 501 "Unknown header x-amz-checksum-crc32" (seen with this build). Asking for
 * checksums only where the S3 API requires them keeps every GET a plain GET. Iceberg's S3FileIO has
 * no property for this, hence system properties, set before the first S3 client is built.
 */
final class S3Compatibility {
  private S3Compatibility() {}

  static void apply() {
    System.setProperty("aws.requestChecksumCalculation", "WHEN_REQUIRED");
    System.setProperty("aws.responseChecksumValidation", "WHEN_REQUIRED");
  }
}
