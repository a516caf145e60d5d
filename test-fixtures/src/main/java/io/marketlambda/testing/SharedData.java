package io.marketlambda.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real market data shared by this workplace's projects, read-only, at {@code ../shared/data}
 * from the project root (see its README for provenance and licences). The build passes its location
 * in the system property {@value #PROPERTY}.
 */
public final class SharedData {
  public static final String PROPERTY = "marketlambda.shared-data";

  private SharedData() {}

  /**
   * A file or directory of the shared data.
   *
   * @param relative a path inside the shared data, e.g. {@code lean/tick/ibm/20131007_trade.zip}
   * @throws IllegalStateException if the shared data or that path is not there
   */
  public static Path resolve(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException("Cannot find shared data file " + path);
    }
    return path;
  }

  /** The shared data directory. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "Cannot find the shared market data at "
              + root.toAbsolutePath().normalize()
              + "; set -D"
              + PROPERTY
              + " to its directory");
    }
    return root.toAbsolutePath().normalize();
  }
}
