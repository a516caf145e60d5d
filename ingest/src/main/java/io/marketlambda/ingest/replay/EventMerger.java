package io.marketlambda.ingest.replay;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Merges several event streams, each in event-time order (one recorded file per symbol and day),
 * into one stream in event-time order. Ties keep the order of the streams as given, then each
 * stream's own order, so a merge is deterministic and a replay of the same files publishes the same
 * sequence.
 *
 * @param <T> the event type
 */
final class EventMerger<T> implements Iterator<T> {
  private final PriorityQueue<Head<T>> heads;
  private final Function<T, Instant> eventTime;

  EventMerger(List<? extends Iterator<T>> streams, Function<T, Instant> eventTime) {
    this.eventTime = eventTime;
    this.heads =
        new PriorityQueue<>(
            Math.max(1, streams.size()),
            Comparator.<Head<T>, Instant>comparing(head -> head.time)
                .thenComparing(head -> head.index));
    for (int index = 0; index < streams.size(); index++) {
      advance(streams.get(index), index);
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public T next() {
    Head<T> head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException("No more events");
    }
    advance(head.stream, head.index);
    return head.event;
  }

  private void advance(Iterator<T> stream, int index) {
    if (stream.hasNext()) {
      T event = stream.next();
      heads.add(new Head<>(event, eventTime.apply(event), stream, index));
    }
  }

  private record Head<T>(T event, Instant time, Iterator<T> stream, int index) {}
}
