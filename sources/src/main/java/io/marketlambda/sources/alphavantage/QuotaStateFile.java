package io.marketlambda.sources.alphavantage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Keeps the {@link QuotaState} in a small properties file so the day's count survives restarts:
 *
 * <pre>
 * quota-day=2026-11-21
 * calls-made=7
 * recent-calls=2026-11-21T05:30:01Z,2026-11-21T05:30:12Z
 * </pre>
 *
 * Writes are atomic: a temporary file beside it, then {@code ATOMIC_MOVE}, so a crash never leaves
 * half a file.
 */
final class QuotaStateFile {
  private final Path file;

  QuotaStateFile(Path file) {
    this.file = file;
  }

  /**
   * Returns the stored state, or empty-handed {@link QuotaState#fresh} for {@code quotaDay} when
   * the file does not exist.
   *
   * @throws IllegalStateException when the file is malformed, naming it
   * @throws UncheckedIOException when it cannot be read
   */
  QuotaState read(LocalDate quotaDay) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return QuotaState.fresh(quotaDay);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read quota state file " + file, e);
    }
    try {
      String recent = properties.getProperty("recent-calls", "");
      List<Instant> recentCalls =
          recent.isBlank()
              ? List.of()
              : Arrays.stream(recent.split(",")).map(String::strip).map(Instant::parse).toList();
      return new QuotaState(
          LocalDate.parse(properties.getProperty("quota-day", "")),
          Long.parseLong(properties.getProperty("calls-made", "")),
          recentCalls);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read quota state file " + file + ": " + e.getMessage() + "; delete it to reset",
          e);
    }
  }

  /**
   * @throws UncheckedIOException when the file cannot be written
   */
  void write(QuotaState state) {
    String text =
        "quota-day="
            + state.quotaDay()
            + "\ncalls-made="
            + state.callsMade()
            + "\nrecent-calls="
            + state.recentCalls().stream().map(Instant::toString).collect(Collectors.joining(","))
            + "\n";
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write quota state file " + file, e);
    }
  }
}
