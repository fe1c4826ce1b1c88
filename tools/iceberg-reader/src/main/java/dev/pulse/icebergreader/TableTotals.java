package dev.pulse.icebergreader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Reads every row of a table's current snapshot with Iceberg's generic reader (which applies the
 * position deletes Trino's DELETE and MERGE write) and adds up the requested columns.
 *
 * <p>Sums follow SQL's SUM: nulls are skipped, and a column with no non-null value sums to null.
 * Integers add up exactly (BigInteger), decimals exactly (BigDecimal), floating point as double.
 */
final class TableTotals {
  private TableTotals() {}

  static Map<String, Object> read(Table table, String displayName, List<String> sumColumns) {
    for (String column : sumColumns) checkNumeric(table, column);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("table", displayName);
    out.put("metadataLocation", ((HasTableOperations) table).operations().current().metadataFileLocation());
    Snapshot snapshot = table.currentSnapshot();
    // A string: snapshot ids use all 63 bits, more than a JSON reader's double keeps exactly.
    out.put("snapshotId", snapshot == null ? null : Long.toString(snapshot.snapshotId()));
    Map<String, Object> sums = new LinkedHashMap<>();
    for (String column : sumColumns) sums.put(column, null);
    long rows = 0;
    if (snapshot != null) {
      // Pinned to the snapshot reported above, even if a writer commits while we read.
      IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId());
      if (!sumColumns.isEmpty()) scan = scan.select(sumColumns);
      try (CloseableIterable<Record> records = scan.build()) {
        for (Record record : records) {
          rows++;
          for (String column : sumColumns) {
            Object value = toSummable(record.getField(column));
            // SUM skips nulls; Map.merge would also refuse a null value outright.
            if (value != null) sums.merge(column, value, TableTotals::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.put("rows", rows);
    out.put("sums", sums);
    return out;
  }

  private static void checkNumeric(Table table, String column) {
    Types.NestedField field = table.schema().findField(column);
    if (field == null) throw new IllegalArgumentException(table.name() + " has no column " + column);
    Type.TypeID id = field.type().typeId();
    if (!(id == Type.TypeID.INTEGER || id == Type.TypeID.LONG || id == Type.TypeID.FLOAT || id == Type.TypeID.DOUBLE || id == Type.TypeID.DECIMAL)) {
      throw new IllegalArgumentException(table.name() + "." + column + " is " + field.type() + ", not a number to sum");
    }
  }

  /** Integers widen to BigInteger, floats to double (as Trino's double arithmetic), decimals stay. */
  private static Object toSummable(Object value) {
    return switch (value) {
      case null -> null;
      case Integer i -> BigInteger.valueOf(i);
      case Long l -> BigInteger.valueOf(l);
      case Float f -> (double) f;
      case Double d -> d;
      case BigDecimal d -> d;
      default -> throw new IllegalStateException("unexpected value type " + value.getClass());
    };
  }

  /** Map.merge calls this only with two non-null values (a null-valued entry counts as absent). */
  private static Object add(Object sum, Object value) {
    return switch (sum) {
      case BigInteger a -> a.add((BigInteger) value);
      case Double a -> a + (Double) value;
      case BigDecimal a -> a.add((BigDecimal) value);
      default -> throw new IllegalStateException("unexpected sum type " + sum.getClass());
    };
  }
}
