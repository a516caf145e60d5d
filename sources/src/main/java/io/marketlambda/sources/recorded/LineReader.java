package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.quarantine.ReadSummary;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a line-oriented recorded file: checks the header, splits each row, turns it into a record
 * with a {@link RowParser} and sends every row that fails (wrong field count, blank line, {@link
 * InvalidRecordException}) to the quarantine with its line number, then goes on.
 *
 * @param <T> the record read
 */
final class LineReader<T> implements RecordedReader<T> {
  private static final Logger LOG = LoggerFactory.getLogger(LineReader.class);

  /** Turns one row into a record, or throws {@link InvalidRecordException} for a bad row. */
  @FunctionalInterface
  interface RowParser<T> {
    T parse(CsvRow row);
  }

  private final LineFormat format;
  private final Path file;
  private final String origin;
  private final RowParser<T> parser;
  private final Quarantine quarantine;
  private final BufferedReader input;
  private final Map<String, Long> rejectedByField = new TreeMap<>();
  private long accepted;
  private long lineNumber;
  private String pendingLine;
  private T next;
  private long nextLine;
  private boolean closed;
  private boolean finished;

  private LineReader(
      LineFormat format, Path file, RowParser<T> parser, Quarantine quarantine, BufferedReader in) {
    this.format = format;
    this.file = file;
    this.origin = file.toString();
    this.parser = parser;
    this.quarantine = quarantine;
    this.input = in;
  }

  /**
   * Opens {@code file} and checks that it has data (and the expected header).
   *
   * @throws UncheckedIOException {@code Cannot read <what> <file>: not found} when there is no such
   *     file, or when it cannot be read
   * @throws InvalidRecordException with field {@code $} when the file is empty, holds only a
   *     header, or starts with another header than the format's
   */
  static <T> LineReader<T> open(
      LineFormat format, Path file, RowParser<T> parser, Quarantine quarantine) {
    String what = format.description() + " " + file;
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(
          "Cannot read " + what + ": not found", new NoSuchFileException(file.toString()));
    }
    BufferedReader in;
    try {
      in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + what + ": " + e.getMessage(), e);
    }
    LineReader<T> reader = new LineReader<>(format, file, parser, quarantine, in);
    try {
      reader.start();
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
    return reader;
  }

  private void start() {
    String first = readLine();
    if (first != null && format.hasHeader()) {
      String header = first.startsWith("\uFEFF") ? first.substring(1) : first;
      if (!header.strip().equals(format.header())) {
        throw wholeFile(
            "first line " + CsvRow.quoted(header) + " is not the header " + format.header());
      }
      first = readLine();
    }
    if (first == null) {
      throw wholeFile(format.hasHeader() ? "empty (only a header)" : "empty");
    }
    pendingLine = first;
  }

  private InvalidRecordException wholeFile(String reason) {
    return new InvalidRecordException(
        "Cannot read " + format.description() + " " + file + ": " + reason,
        RejectedRecord.WHOLE_RECORD,
        reason);
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    while (advance()) {
      T record = next;
      next = null;
      action.accept(record);
    }
  }

  @Override
  public void forEachWithLine(LineConsumer<? super T> action) {
    while (advance()) {
      T record = next;
      next = null;
      action.accept(record, origin, nextLine);
    }
  }

  @Override
  public Stream<T> stream() {
    Iterator<T> iterator =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return advance();
          }

          @Override
          public T next() {
            if (!advance()) {
              throw new NoSuchElementException("Cannot read past the end of " + origin);
            }
            T record = LineReader.this.next;
            LineReader.this.next = null;
            return record;
          }
        };
    Spliterator<T> records =
        Spliterators.spliteratorUnknownSize(
            iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    return StreamSupport.stream(records, false).onClose(this::close);
  }

  /** Moves to the next accepted record; false at the end of the file. */
  private boolean advance() {
    if (next != null) {
      return true;
    }
    if (closed) {
      throw new IllegalStateException("Cannot read " + origin + ": the reader is closed");
    }
    while (!finished) {
      String line = pendingLine != null ? pendingLine : readLine();
      pendingLine = null;
      if (line == null) {
        finished = true;
        LOG.info("{}", summary());
        return false;
      }
      next = parse(line);
      nextLine = lineNumber;
      if (next != null) {
        accepted++;
        return true;
      }
    }
    return false;
  }

  private T parse(String line) {
    if (line.isBlank()) {
      reject(RejectedRecord.WHOLE_RECORD, "blank line", line);
      return null;
    }
    CsvRow row;
    try {
      row = CsvRow.split(lineNumber, line);
    } catch (InvalidRecordException e) {
      reject(RejectedRecord.WHOLE_RECORD, e.reason(), line);
      return null;
    }
    int columns = row.fields().size();
    if (columns < format.minColumns() || columns > format.maxColumns()) {
      String expected =
          format.minColumns() == format.maxColumns()
              ? String.valueOf(format.minColumns())
              : format.minColumns() + " to " + format.maxColumns();
      reject(RejectedRecord.WHOLE_RECORD, "has " + columns + " fields, not " + expected, line);
      return null;
    }
    try {
      return parser.parse(row);
    } catch (InvalidRecordException e) {
      String field = e.field();
      String reason =
          field.equals(RejectedRecord.WHOLE_RECORD) ? e.reason() : field + " " + e.reason();
      reject(field, reason, line);
      return null;
    }
  }

  private void reject(String field, String reason, String line) {
    quarantine.reject(new RejectedRecord(origin, lineNumber, field, reason, line));
    rejectedByField.merge(field, 1L, Long::sum);
  }

  private String readLine() {
    try {
      String line = input.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read " + format.description() + " " + file + " after line " + lineNumber, e);
    }
  }

  @Override
  public ReadSummary summary() {
    return new ReadSummary(origin, accepted, rejectedByField);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      input.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + origin, e);
    }
  }
}
