package io.marketlambda.sources.recorded;

import io.marketlambda.sources.quarantine.ReadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A read of recorded market data: the accepted records in file order, one at a time, so a 250,000
 * row tick file is never held in memory. Rows that cannot be turned into records go to the read's
 * quarantine and the read goes on. A reader is read once and must be closed:
 *
 * <pre>{@code
 * try (RecordedReader<Quote> ticks = LeanTradeTickReader.open(file, quarantine)) {
 *   ticks.forEach(feed::publish);
 *   log.info("{}", ticks.summary());
 * }
 * }</pre>
 *
 * @param <T> the record read, e.g. {@link io.marketlambda.core.model.Quote}
 */
public interface RecordedReader<T> extends AutoCloseable {

  /**
   * Passes every remaining accepted record to {@code action}, in file order.
   *
   * @throws java.io.UncheckedIOException when the input cannot be read
   * @throws IllegalStateException when the reader is closed
   */
  void forEach(Consumer<? super T> action);

  /** Receives a record with where it was read: the file and its 1-based line number. */
  @FunctionalInterface
  interface LineConsumer<T> {
    void accept(T record, String file, long line);
  }

  /**
   * Passes every remaining accepted record to {@code action} with its file (as opened) and line, in
   * file order: the lineage a master data set keeps.
   *
   * @throws java.io.UncheckedIOException when the input cannot be read
   * @throws IllegalStateException when the reader is closed
   */
  void forEachWithLine(LineConsumer<? super T> action);

  /**
   * Returns the remaining accepted records as a sequential stream; closing the stream closes the
   * reader.
   */
  Stream<T> stream();

  /** Reads every remaining accepted record into an immutable list; for small inputs. */
  default List<T> readAll() {
    List<T> records = new ArrayList<>();
    forEach(records::add);
    return List.copyOf(records);
  }

  /**
   * Returns how the read went so far: records accepted and rejected (by field); final once the
   * records are consumed.
   */
  ReadSummary summary();

  /**
   * Releases the input.
   *
   * @throws java.io.UncheckedIOException when the input cannot be closed
   */
  @Override
  void close();
}
