package dev.pulse.icebergreader;

import java.io.File;
import java.util.Map;
import org.apache.iceberg.Files;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Reads the `local:///schema/table-uuid/...` paths Trino records on its native local file system.
 *
 * <p>Why a FileIO of our own: `local://` is Trino's scheme, not a standard one. Trino resolves it
 * against its catalog setting `local.location` (the instance's warehouse folder); no Iceberg FileIO
 * knows it. This one maps `local:///x` to `<warehouse>/x`, the same rule, given the warehouse
 * folder as catalog property {@value #ROOT_PROPERTY}.
 *
 * <p>Read-only on purpose: this program only reads, and a second writer under Trino's paths is not
 * something it should be able to become by accident.
 */
public final class WarehouseLocalFileIO implements FileIO {
  public static final String ROOT_PROPERTY = "pulse.local-root";
  private static final String SCHEME = "local:///";

  private File root;

  @Override
  public void initialize(Map<String, String> properties) {
    String dir = properties.get(ROOT_PROPERTY);
    if (dir == null || dir.isEmpty()) {
      throw new IllegalArgumentException("catalog property " + ROOT_PROPERTY + " (the warehouse folder) is required for local:/// paths");
    }
    this.root = new File(dir);
  }

  @Override
  public InputFile newInputFile(String location) {
    return new Located(location, Files.localInput(resolve(location)));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    throw new UnsupportedOperationException("read-only FileIO: cannot write " + location);
  }

  @Override
  public void deleteFile(String location) {
    throw new UnsupportedOperationException("read-only FileIO: cannot delete " + location);
  }

  File resolve(String location) {
    if (!location.startsWith(SCHEME)) {
      throw new IllegalArgumentException("expected a " + SCHEME + " location, got " + location);
    }
    return new File(root, location.substring(SCHEME.length()));
  }

  /**
   * The local file, still named by its `local:///` location: Iceberg matches position deletes to
   * data files by location string, so a reader must never see the rewritten path.
   */
  private record Located(String location, InputFile file) implements InputFile {
    @Override
    public long getLength() {
      return file.getLength();
    }

    @Override
    public SeekableInputStream newStream() {
      return file.newStream();
    }

    @Override
    public boolean exists() {
      return file.exists();
    }
  }
}
