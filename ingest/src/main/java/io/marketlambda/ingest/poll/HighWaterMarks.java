package io.marketlambda.ingest.poll;

import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code marketlambda ingest alphavantage} has published, per request, kept in a properties
 * file so a restart publishes each bar or quote once:
 *
 * <pre>
 * TIME_SERIES_INTRADAY\ IBM\ 1min.published=2026-05-15T19\:55\:00Z
 * TIME_SERIES_INTRADAY\ IBM\ 1min.last-success=2026-05-15T20\:01\:12Z
 * GLOBAL_QUOTE\ IBM.published=2026-05-15T20\:00\:00Z#6154450
 * </pre>
 *
 * The mark is the event time (bar start, or quote event time and sequence) of the newest record the
 * broker acknowledged; records at or before it are not published again. It is written only after
 * the broker acknowledged, atomically (temporary file, then {@code ATOMIC_MOVE}): a crash in
 * between publishes a record twice, never zero times, and the speed layer drops the duplicate by
 * (symbol, event time, sequence). Not thread-safe.
 */
final class HighWaterMarks {
  private final Path file;
  private final Properties marks = new Properties();

  private HighWaterMarks(Path file) {
    this.file = file;
  }

  /**
   * Loads the marks, or none when the file does not exist yet.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static HighWaterMarks load(Path file) {
    HighWaterMarks loaded = new HighWaterMarks(file);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded.marks.load(reader);
    } catch (NoSuchFileException e) {
      // First run: nothing published yet.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read high-water marks " + file, e);
    }
    return loaded;
  }

  /** The newest published event of a request, if any. */
  Optional<Mark> published(AlphaVantageRequest request) {
    String value = marks.getProperty(request.describe() + ".published");
    if (value == null) {
      return Optional.empty();
    }
    try {
      int hash = value.indexOf('#');
      return Optional.of(
          hash < 0
              ? new Mark(Instant.parse(value), 0)
              : new Mark(
                  Instant.parse(value.substring(0, hash)),
                  Long.parseLong(value.substring(hash + 1))));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalStateException(
          "Cannot read high-water mark of " + request.describe() + " in " + file + ": " + value, e);
    }
  }

  /** When a request last succeeded, if ever. */
  Optional<Instant> lastSuccess(AlphaVantageRequest request) {
    return Optional.ofNullable(marks.getProperty(request.describe() + ".last-success"))
        .map(Instant::parse);
  }

  /** Records a successful call and, when it published anything, the newest published event. */
  void record(AlphaVantageRequest request, Instant success, Optional<Mark> newest) {
    marks.setProperty(request.describe() + ".last-success", success.toString());
    newest.ifPresent(
        mark ->
            marks.setProperty(
                request.describe() + ".published", mark.eventTime() + "#" + mark.sequence()));
  }

  /**
   * Writes the marks atomically.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  void save() {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        marks.store(writer, "marketlambda ingest alphavantage: newest published event per request");
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write high-water marks " + file, e);
    }
  }

  /**
   * An event position: event time, then sequence for events sharing an event time.
   *
   * @param eventTime bar start or quote event time, UTC
   * @param sequence the quote's sequence; 0 for bars
   */
  record Mark(Instant eventTime, long sequence) implements Comparable<Mark> {
    @Override
    public int compareTo(Mark other) {
      int byTime = eventTime.compareTo(other.eventTime);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
