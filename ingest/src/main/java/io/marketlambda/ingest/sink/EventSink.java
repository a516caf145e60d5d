package io.marketlambda.ingest.sink;

/**
 * Where published events go: the quotes or bars topic in production, a list in unit tests.
 *
 * <p>{@link #publish} may return before the event is stored; {@link #flush} waits until every event
 * published so far is stored or failed. Failures never stop publishing: they are counted in {@link
 * PublishStats}.
 *
 * @param <T> the event type, {@code Quote} or {@code Bar}
 */
public interface EventSink<T> extends AutoCloseable {
  /** Hands one event over for storage. */
  void publish(T event);

  /** Waits until every event handed over so far is stored or failed, and returns the counts. */
  PublishStats flush();

  /** Flushes and releases the sink. */
  @Override
  void close();
}
