package io.marketlambda.sources.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quarantine kept as a JSON Lines file, one rejected record per line, appended to:
 *
 * <pre>
 * {"origin":"lean/daily/ibm.csv","position":812,"field":"close","reason":"...","raw":"..."}
 * </pre>
 *
 * The file is created on the first rejection only, so a clean read leaves no file behind. Counts
 * per field are kept for the read's summary. Not thread-safe.
 */
public final class QuarantineFile implements Quarantine, Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, Long> countsByField = new TreeMap<>();
  private BufferedWriter writer;

  public QuarantineFile(Path file) {
    this.file = file;
  }

  /**
   * Appends the record to the file.
   *
   * @throws UncheckedIOException if the file cannot be written: losing a rejected record silently
   *     is worse than stopping
   */
  @Override
  public void reject(RejectedRecord record) {
    ObjectNode line = JSON.createObjectNode();
    line.put("origin", record.origin());
    line.put("position", record.position());
    line.put("field", record.field());
    line.put("reason", record.reason());
    line.put("raw", record.raw());
    try {
      writer().write(JSON.writeValueAsString(line));
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write quarantine file " + file, e);
    }
    countsByField.merge(record.field(), 1L, Long::sum);
  }

  /** The number of records rejected so far. */
  public long count() {
    return countsByField.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The number of records rejected so far, by field at fault, in field order. */
  public Map<String, Long> countsByField() {
    return Map.copyOf(countsByField);
  }

  /** The file's path; it exists only once a record was rejected. */
  public Path file() {
    return file;
  }

  private BufferedWriter writer() throws IOException {
    if (writer == null) {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return writer;
  }

  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close quarantine file " + file, e);
    }
  }
}
