package io.marketlambda.ingest.replay;

import io.marketlambda.ingest.sink.EventSink;
import io.marketlambda.ingest.sink.PublishStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Publishes recorded events in event-time order, paced by their event times: at {@code 60x}, two
 * trades recorded a minute apart are published a second apart. Several streams (one file per
 * symbol) are merged by event time first.
 *
 * <p>Prints a progress line at most every {@code progressInterval} (events, rate, event time
 * reached, and, when the total is known, percentage and ETA) and returns a summary with the sink's
 * counts of sent, acknowledged and failed events.
 */
public final class Replay {
  private final ReplaySpeed speed;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration progressInterval;
  private final Consumer<String> progress;

  /**
   * @param clock the wall clock pacing is measured against
   * @param sleeper how the replay waits for an event's turn
   * @param progress receives each progress line
   */
  public Replay(
      ReplaySpeed speed,
      Clock clock,
      Sleeper sleeper,
      Duration progressInterval,
      Consumer<String> progress) {
    this.speed = speed;
    this.clock = clock;
    this.sleeper = sleeper;
    this.progressInterval = progressInterval;
    this.progress = progress;
  }

  /**
   * Replays the streams into the sink and waits until the sink has stored or failed every event.
   *
   * @param streams event streams, each in event-time order
   * @param eventTime the event time of an event
   * @param expectedEvents the total, when known, for percentage and ETA
   * @param <T> the event type, {@code Quote} or {@code Bar}
   *     <p>Interrupting the calling thread stops the replay at the next event's turn: what was
   *     handed to the sink is flushed and the summary says {@link ReplaySummary#stopped()}. The
   *     interrupt is consumed (the sink's producer must still flush and close), so the caller reads
   *     the summary.
   */
  public <T> ReplaySummary run(
      List<? extends Iterator<T>> streams,
      Function<T, Instant> eventTime,
      EventSink<T> sink,
      OptionalLong expectedEvents) {
    EventMerger<T> events = new EventMerger<>(streams, eventTime);
    Instant wallStart = clock.instant();
    Instant lastProgress = wallStart;
    Instant firstEvent = null;
    Instant lastEvent = null;
    long count = 0;
    boolean stopped = false;
    while (events.hasNext()) {
      T event = events.next();
      Instant time = eventTime.apply(event);
      Instant first = firstEvent == null ? time : firstEvent;
      if (!waitForTurn(wallStart.plus(speed.wallTime(Duration.between(first, time))))) {
        stopped = true;
        break;
      }
      firstEvent = first;
      lastEvent = time;
      sink.publish(event);
      count++;
      Instant now = clock.instant();
      if (Duration.between(lastProgress, now).compareTo(progressInterval) >= 0) {
        progress.accept(
            progressLine(count, Duration.between(wallStart, now), lastEvent, expectedEvents));
        lastProgress = now;
      }
    }
    Thread.interrupted(); // consumed: a Kafka producer's flush and close throw on an interrupted
    // thread
    PublishStats stats = sink.flush();
    return new ReplaySummary(
        count, Duration.between(wallStart, clock.instant()), firstEvent, lastEvent, stats, stopped);
  }

  /** Waits for an event's turn; false when the thread was interrupted (the flag is cleared). */
  private boolean waitForTurn(Instant turn) {
    if (Thread.interrupted()) {
      return false;
    }
    Duration wait = Duration.between(clock.instant(), turn);
    if (wait.isNegative() || wait.isZero()) {
      return true;
    }
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  static String progressLine(
      long events, Duration elapsed, Instant eventTime, OptionalLong expected) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    double rate = events / seconds;
    StringBuilder line =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "replay: %,d events, %,.0f events/s, event time %s",
                events,
                rate,
                eventTime));
    if (expected.isPresent() && expected.getAsLong() > 0) {
      long total = expected.getAsLong();
      long remaining = Math.max(0, total - events);
      line.append(
          String.format(
              java.util.Locale.ROOT,
              ", %.0f%% of %,d, ETA %ds",
              100.0 * events / total,
              total,
              Math.round(remaining / rate)));
    }
    return line.toString();
  }

  /** Waits for a duration; {@code Thread::sleep} in production, a fake clock's advance in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the current thread. */
    static Sleeper threadSleep() {
      return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  }
}
