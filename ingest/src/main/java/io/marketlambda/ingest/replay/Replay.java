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
  private final Listener progress;
  private final Instant paceFrom;

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
    this(speed, clock, sleeper, progressInterval, done -> progress.accept(done.line()), null);
  }

  private Replay(
      ReplaySpeed speed,
      Clock clock,
      Sleeper sleeper,
      Duration progressInterval,
      Listener progress,
      Instant paceFrom) {
    this.speed = speed;
    this.clock = clock;
    this.sleeper = sleeper;
    this.progressInterval = progressInterval;
    this.progress = progress;
    this.paceFrom = paceFrom;
  }

  /**
   * This replay, fast-forwarded to {@code eventTime}: events before it are published at once, as
   * fast as the sink takes them, and pacing starts there (an event {@code d} after it waits {@code
   * d} divided by the speed from the moment the fast-forward ended), e.g. a trading day replayed
   * from shortly before the open with its pre-market compressed.
   */
  public Replay fastForwardTo(Instant eventTime) {
    return new Replay(speed, clock, sleeper, progressInterval, progress, eventTime);
  }

  /**
   * This replay, handing its progress to {@code listener} (at most every {@code interval}) instead
   * of as lines, e.g. to a progress bar.
   */
  public Replay reportingTo(Duration interval, Listener listener) {
    return new Replay(speed, clock, sleeper, interval, listener, paceFrom);
  }

  /**
   * Replays the streams into the sink and waits until the sink has stored or failed every event.
   *
   * <p>Interrupting the calling thread stops the replay at the next event's turn: what was handed
   * to the sink is flushed and the summary says {@link ReplaySummary#stopped()}. The interrupt is
   * consumed (the sink's producer must still flush and close), so the caller reads the summary.
   *
   * @param streams event streams, each in event-time order
   * @param eventTime the event time of an event
   * @param expectedEvents the total, when known, for percentage and ETA
   * @param <T> the event type, {@code Quote} or {@code Bar}
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
    Instant paceStart = null; // the event time pacing is measured from
    Instant wallPaceStart = wallStart;
    while (events.hasNext()) {
      T event = events.next();
      Instant time = eventTime.apply(event);
      boolean paced = paceFrom == null || !time.isBefore(paceFrom);
      if (paced && paceStart == null) {
        paceStart = paceFrom == null ? time : paceFrom;
        wallPaceStart = clock.instant();
      }
      Instant turn =
          paced ? wallPaceStart.plus(speed.wallTime(Duration.between(paceStart, time))) : wallStart;
      if (!waitForTurn(turn)) {
        stopped = true;
        break;
      }
      if (firstEvent == null) {
        firstEvent = time;
      }
      lastEvent = time;
      sink.publish(event);
      count++;
      Instant now = clock.instant();
      if (Duration.between(lastProgress, now).compareTo(progressInterval) >= 0) {
        progress.progress(
            new Progress(count, Duration.between(wallStart, now), lastEvent, expectedEvents));
        lastProgress = now;
      }
    }
    // Consume an interrupt: a Kafka producer's flush and close throw on an interrupted thread.
    Thread.interrupted();
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

  /**
   * How far a replay got.
   *
   * @param events events published so far
   * @param elapsed wall time since the replay started
   * @param eventTime the event time of the last event published
   * @param expected the total, when known
   */
  public record Progress(long events, Duration elapsed, Instant eventTime, OptionalLong expected) {
    /** Events, rate and event time reached; percentage and ETA when the total is known. */
    public String line() {
      return progressLine(events, elapsed, eventTime, expected);
    }
  }

  /** Receives a replay's progress. */
  @FunctionalInterface
  public interface Listener {
    void progress(Progress progress);
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
