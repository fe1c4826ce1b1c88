package dev.pulse.icebergreader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line. Secrets never travel on it (a command line is visible to every user of the
 * machine in `ps`): the catalog password and S3 keys come from the environment, see {@link #fromEnv}.
 */
record ReaderArgs(
    String uri,
    String catalog,
    String user,
    String password,
    String warehouse,
    String localRoot,
    S3 s3,
    List<TableRequest> tables) {

  static final String PASSWORD_ENV = "PULSE_CATALOG_DB_PASSWORD";
  static final String S3_KEY_ENV = "AWS_ACCESS_KEY_ID";
  static final String S3_SECRET_ENV = "AWS_SECRET_ACCESS_KEY";

  static final String USAGE =
      """
      usage: iceberg-reader --uri JDBC_URL --catalog NAME --user USER --warehouse LOCATION
                            [--local-root DIR] [--s3-endpoint URL --s3-region REGION [--s3-path-style]]
                            --table SCHEMA.TABLE[=COLUMN,COLUMN...] [--table ...]
        environment: PULSE_CATALOG_DB_PASSWORD (catalog database password);
                     AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (s3:// warehouses)
        --warehouse local:/// reads Trino's native local file system under --local-root;
        --warehouse s3://BUCKET/ reads object storage with Iceberg's S3FileIO.
        prints one JSON object: per table, the snapshot read, its row count and the sums of COLUMNs.""";

  /** Object-storage settings, present only for an s3:// warehouse. */
  record S3(String endpoint, String region, boolean pathStyle, String accessKeyId, String secretAccessKey) {}

  /** One table and the numeric columns to sum. */
  record TableRequest(String namespace, String name, List<String> sumColumns) {
    static TableRequest parse(String spec) {
      String[] tableAndColumns = spec.split("=", 2);
      String[] parts = tableAndColumns[0].split("\\.");
      if (parts.length != 2) throw new IllegalArgumentException("--table wants SCHEMA.TABLE, got " + spec);
      List<String> columns =
          tableAndColumns.length == 2 && !tableAndColumns[1].isEmpty() ? Arrays.asList(tableAndColumns[1].split(",")) : List.of();
      return new TableRequest(parts[0], parts[1], columns);
    }
  }

  static ReaderArgs parse(String[] argv, Map<String, String> env) {
    String uri = null, catalog = null, user = null, warehouse = null, localRoot = null;
    String endpoint = null, region = null;
    boolean pathStyle = false;
    List<TableRequest> tables = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      String flag = argv[i];
      if (flag.equals("--s3-path-style")) {
        pathStyle = true;
        continue;
      }
      if (i + 1 >= argv.length) throw new IllegalArgumentException(flag + " needs a value");
      String value = argv[++i];
      switch (flag) {
        case "--uri" -> uri = value;
        case "--catalog" -> catalog = value;
        case "--user" -> user = value;
        case "--warehouse" -> warehouse = value;
        case "--local-root" -> localRoot = value;
        case "--s3-endpoint" -> endpoint = value;
        case "--s3-region" -> region = value;
        case "--table" -> tables.add(TableRequest.parse(value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    require(uri, "--uri");
    require(catalog, "--catalog");
    require(user, "--user");
    require(warehouse, "--warehouse");
    if (tables.isEmpty()) throw new IllegalArgumentException("at least one --table is required");
    String password = require(env.get(PASSWORD_ENV), "environment variable " + PASSWORD_ENV);
    S3 s3 = null;
    if (warehouse.startsWith("s3://")) {
      s3 =
          new S3(
              require(endpoint, "--s3-endpoint"),
              require(region, "--s3-region"),
              pathStyle,
              require(env.get(S3_KEY_ENV), "environment variable " + S3_KEY_ENV),
              require(env.get(S3_SECRET_ENV), "environment variable " + S3_SECRET_ENV));
    } else if (warehouse.startsWith("local:///")) {
      require(localRoot, "--local-root (the folder Trino's local.location points at)");
    } else {
      throw new IllegalArgumentException("--warehouse must start with local:/// or s3://, got " + warehouse);
    }
    return new ReaderArgs(uri, catalog, user, password, warehouse, localRoot, s3, List.copyOf(tables));
  }

  private static String require(String value, String what) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException(what + " is required");
    return value;
  }
}
