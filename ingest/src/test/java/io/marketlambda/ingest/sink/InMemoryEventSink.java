package io.marketlambda.ingest.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link EventSink} that keeps events in a list and acknowledges each at once. */
public final class InMemoryEventSink<T> implements EventSink<T> {
  private final List<T> events = new ArrayList<>();
  private boolean closed;

  @Override
  public void publish(T event) {
    if (closed) {
      throw new IllegalStateException("Cannot publish to a closed sink");
    }
    events.add(event);
  }

  @Override
  public PublishStats flush() {
    return new PublishStats(events.size(), events.size(), 0, Optional.empty());
  }

  @Override
  public void close() {
    closed = true;
  }

  public List<T> events() {
    return List.copyOf(events);
  }
}
