package io.marketlambda.oozie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly Oozie application shipped in this module ({@code src/main/resources/oozie/nightly}):
 * {@code coordinator.xml}, {@code workflow.xml} and the {@code job.properties} template. Deployed,
 * the application directory also holds {@code lib/} with {@code batch-layer-<version>-spark.jar}
 * and the Delta Lake jars.
 */
public final class NightlyApp {
  /** The workflow definition. */
  public static final String WORKFLOW = "workflow.xml";

  /** The coordinator definition. */
  public static final String COORDINATOR = "coordinator.xml";

  /** The job properties template. */
  public static final String JOB_PROPERTIES = "job.properties";

  /** The XML files of the application, validated against the Oozie XSDs. */
  public static final List<String> XML_FILES = List.of(COORDINATOR, WORKFLOW);

  private static final String RESOURCES = "/oozie/nightly/";

  private NightlyApp() {}

  /**
   * Opens one of the shipped files.
   *
   * @throws IllegalArgumentException when {@code file} is not one of them
   */
  public static InputStream open(String file) {
    InputStream in = NightlyApp.class.getResourceAsStream(RESOURCES + file);
    if (in == null) {
      throw new IllegalArgumentException("Cannot open " + file + ": not part of the nightly app");
    }
    return in;
  }

  /**
   * Writes the shipped files into {@code directory} (created if missing), replacing older copies.
   *
   * @return the files written
   * @throws UncheckedIOException when a file cannot be written
   */
  public static List<Path> copyTo(Path directory) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (String file : List.of(COORDINATOR, WORKFLOW, JOB_PROPERTIES)) {
        try (InputStream in = open(file)) {
          Path target = directory.resolve(file);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          written.add(target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the nightly app to " + directory, e);
    }
    return List.copyOf(written);
  }

  /**
   * Validates the shipped XML files, or those of an application directory, against the Oozie XSDs.
   *
   * @param directory an application directory holding {@link #XML_FILES}, or null for the shipped
   *     files
   * @return every problem found; empty when valid
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<String> validate(Path directory) {
    OozieSchemas schemas = OozieSchemas.load();
    List<String> problems = new ArrayList<>();
    for (String file : XML_FILES) {
      try (InputStream in =
          directory == null ? open(file) : Files.newInputStream(directory.resolve(file))) {
        problems.addAll(schemas.validate(file, in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(problems);
  }
}
