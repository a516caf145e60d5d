package io.marketlambda.sources.recorded;

import io.marketlambda.sources.quarantine.ReadSummary;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads several files one after another, in the given order, opening each only when the previous
 * one is done. The summary covers all files read so far, under the origin given (e.g. the
 * directory).
 *
 * @param <T> the record read
 */
final class ConcatenatedReader<T> implements RecordedReader<T> {
  private final String origin;
  private final Iterator<Path> files;
  private final Function<Path, RecordedReader<T>> opener;
  private final Map<String, Long> rejectedByField = new TreeMap<>();
  private long accepted;
  private RecordedReader<T> current;
  private boolean closed;

  ConcatenatedReader(String origin, List<Path> files, Function<Path, RecordedReader<T>> opener) {
    this.origin = origin;
    this.files = List.copyOf(files).iterator();
    this.opener = opener;
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    RecordedReader<T> reader;
    while ((reader = nextReader()) != null) {
      reader.forEach(action);
    }
  }

  @Override
  public void forEachWithLine(LineConsumer<? super T> action) {
    RecordedReader<T> reader;
    while ((reader = nextReader()) != null) {
      reader.forEachWithLine(action);
    }
  }

  @Override
  public Stream<T> stream() {
    Stream<T> records =
        Stream.iterate(nextReader(), reader -> reader != null, reader -> nextReader())
            .flatMap(RecordedReader::stream);
    return records.onClose(this::close);
  }

  /** Closes the current file, adds its summary, and opens the next one; null after the last. */
  private RecordedReader<T> nextReader() {
    if (closed) {
      throw new IllegalStateException("Cannot read " + origin + ": the reader is closed");
    }
    finishCurrent();
    if (!files.hasNext()) {
      return null;
    }
    current = opener.apply(files.next());
    return current;
  }

  private void finishCurrent() {
    if (current == null) {
      return;
    }
    ReadSummary done = current.summary();
    current.close();
    current = null;
    accepted += done.accepted();
    done.rejectedByField()
        .forEach((field, count) -> rejectedByField.merge(field, count, Long::sum));
  }

  @Override
  public ReadSummary summary() {
    Map<String, Long> rejected = new TreeMap<>(rejectedByField);
    long acceptedSoFar = accepted;
    if (current != null) {
      ReadSummary reading = current.summary();
      acceptedSoFar += reading.accepted();
      reading.rejectedByField().forEach((field, count) -> rejected.merge(field, count, Long::sum));
    }
    return new ReadSummary(origin, acceptedSoFar, rejected);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (current != null) {
      current.close();
    }
    closed = true;
  }
}
