package dev.pulse.icebergreader;

import java.util.HashMap;
import java.util.Map;

/** Turns the command line into the properties of Iceberg's JdbcCatalog and of its FileIO. */
final class CatalogProperties {
  private CatalogProperties() {}

  static Map<String, String> of(ReaderArgs args) {
    Map<String, String> p = new HashMap<>();
    p.put("uri", args.uri());
    p.put("jdbc.user", args.user());
    p.put("jdbc.password", args.password());
    // Required by JdbcCatalog even to read; only used for tables created through it, which we never do.
    p.put("warehouse", args.warehouse());
    // The catalog's tables are Pulse's to create (sql/catalog), before Trino starts; a reader must
    // not create or alter them, whatever it finds.
    p.put("jdbc.init-catalog-tables", "false");
    if (args.s3() != null) {
      ReaderArgs.S3 s3 = args.s3();
      p.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
      p.put("s3.endpoint", s3.endpoint());
      p.put("s3.path-style-access", Boolean.toString(s3.pathStyle()));
      p.put("client.region", s3.region());
      p.put("s3.access-key-id", s3.accessKeyId());
      p.put("s3.secret-access-key", s3.secretAccessKey());
      // The JDK's HTTP client: the only one this build ships (see pom.xml).
      p.put("http-client.type", "urlconnection");
    } else {
      p.put("io-impl", WarehouseLocalFileIO.class.getName());
      p.put(WarehouseLocalFileIO.ROOT_PROPERTY, args.localRoot());
    }
    return p;
  }
}
