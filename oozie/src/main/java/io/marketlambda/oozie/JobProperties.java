package io.marketlambda.oozie;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The properties of an Oozie job submission ({@code job.properties}), with {@code key=value}
 * overrides. Values keep Oozie's {@code ${...}} references; the server resolves them.
 *
 * @param values every property, sorted by key
 */
public record JobProperties(Map<String, String> values) {
  /** The properties that name what to run: one of them must be set. */
  public static final List<String> APPLICATION_PATHS =
      List.of(
          "oozie.coord.application.path",
          "oozie.wf.application.path",
          "oozie.bundle.application.path");

  /** A value of the template still to fill in, e.g. {@code <namenode-host>}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z-]*>");

  /** When the coordinator runs the nightly workflow, New York time. */
  public static final LocalTime NIGHTLY_RUN = LocalTime.of(21, 30);

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DateTimeFormatter NOMINAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  public JobProperties {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /**
   * Reads a properties file (ISO 8859-1 escapes as in {@link Properties#load(InputStream)}).
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public static JobProperties load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      Properties properties = new Properties();
      properties.load(reader);
      Map<String, String> values = new TreeMap<>();
      properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
      return new JobProperties(values);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read job properties " + file + ": " + e, e);
    }
  }

  /**
   * Returns these properties with {@code key=value} overrides applied, later ones winning.
   *
   * @throws OozieException naming the entry when it has no {@code =} or an empty key
   */
  public JobProperties withOverrides(List<String> keyValues) {
    Map<String, String> merged = new TreeMap<>(values);
    for (String keyValue : keyValues) {
      int equals = keyValue.indexOf('=');
      if (equals <= 0) {
        throw new OozieException("Cannot read property '" + keyValue + "': expected key=value");
      }
      merged.put(keyValue.substring(0, equals).strip(), keyValue.substring(equals + 1).strip());
    }
    return new JobProperties(merged);
  }

  /**
   * Returns the properties of one run of the nightly workflow alone for {@code runDate}, instead of
   * its coordinator: {@code oozie.wf.application.path} is {@code ${workflowPath}}, {@code runDate}
   * the date and {@code nominalTime} 21:30 in New York on that date (UTC, as the coordinator sets
   * it).
   */
  public JobProperties forOneRun(LocalDate runDate) {
    Map<String, String> run = new TreeMap<>(values);
    APPLICATION_PATHS.forEach(run::remove);
    run.put("oozie.wf.application.path", "${workflowPath}");
    run.put("runDate", runDate.toString());
    run.put(
        "nominalTime",
        NOMINAL_TIME.format(runDate.atTime(NIGHTLY_RUN).atZone(NEW_YORK).toInstant()));
    return new JobProperties(run);
  }

  /**
   * Checks the properties can be submitted: an application path is set and no template value such
   * as {@code <namenode-host>} is left.
   *
   * @return this
   * @throws OozieException naming the first key at fault
   */
  public JobProperties requireComplete() {
    if (APPLICATION_PATHS.stream().noneMatch(values::containsKey)) {
      throw new OozieException(
          "Cannot submit the job: none of " + APPLICATION_PATHS + " is set in the properties");
    }
    values.forEach(
        (key, value) -> {
          if (PLACEHOLDER.matcher(value).find()) {
            throw new OozieException(
                "Cannot submit the job: property "
                    + key
                    + "="
                    + value
                    + " still holds a template value; set it in the file or with --conf");
          }
        });
    return this;
  }

  /** Returns a {@link Properties} copy, for {@code OozieClient}. */
  public Properties toProperties() {
    Properties properties = new Properties();
    properties.putAll(values);
    return properties;
  }
}
