package dev.pulse.icebergreader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Pulse's second engine: opens the lakehouse's Iceberg JDBC catalog with Apache Iceberg's own Java
 * API (no Trino involved), reads the current snapshot of each requested table and prints one JSON
 * object to stdout: `{"catalog", "tables": [{"table", "metadataLocation", "snapshotId", "rows",
 * "sums"}]}`. Errors go to stderr with exit code 1 (2 for a bad command line).
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) {
    ReaderArgs args;
    try {
      args = ReaderArgs.parse(argv, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("iceberg-reader: " + e.getMessage());
      System.err.println(ReaderArgs.USAGE);
      System.exit(2);
      return;
    }
    if (args.s3() != null) S3Compatibility.apply();
    try (JdbcCatalog catalog = new JdbcCatalog()) {
      catalog.initialize(args.catalog(), CatalogProperties.of(args));
      List<Object> tables = new ArrayList<>();
      for (ReaderArgs.TableRequest request : args.tables()) {
        Table table = catalog.loadTable(TableIdentifier.of(request.namespace(), request.name()));
        tables.add(TableTotals.read(table, request.namespace() + "." + request.name(), request.sumColumns()));
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("catalog", args.catalog());
      result.put("tables", tables);
      System.out.println(Json.write(result));
    } catch (Exception e) {
      System.err.println("iceberg-reader: " + e);
      Throwable root = e;
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause);
        root = cause;
      }
      // Where it failed: a bare exception (a NullPointerException from a precondition) says nothing else.
      StackTraceElement[] frames = root.getStackTrace();
      for (int i = 0; i < Math.min(8, frames.length); i++) System.err.println("    at " + frames[i]);
      System.exit(1);
    }
  }
}
