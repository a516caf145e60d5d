package io.marketlambda.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.sink.InMemoryEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final Instant OPEN = Instant.parse("2013-10-07T13:30:00Z");

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-21T00:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();
  private final InMemoryEventSink<Quote> sink = new InMemoryEventSink<>();

  private Replay replay(ReplaySpeed speed) {
    return new Replay(
        speed,
        clock,
        duration -> {
          sleeps.add(duration);
          clock.advance(duration);
        },
        Duration.ofSeconds(1),
        progress::add);
  }

  @Test
  void mergesStreamsInEventTimeOrderKeepingStreamOrderOnTies() {
    Quote ibmFirst = trade("IBM", 0, 1);
    Quote spyFirst = trade("SPY", 0, 1);
    Quote ibmSecond = trade("IBM", 2_000, 2);
    Quote spySecond = trade("SPY", 1_000, 2);

    ReplaySummary summary =
        replay(ReplaySpeed.MAX)
            .run(
                List.of(
                    List.of(ibmFirst, ibmSecond).iterator(),
                    List.of(spyFirst, spySecond).iterator()),
                Quote::eventTime,
                sink,
                OptionalLong.empty());

    assertThat(sink.events()).containsExactly(ibmFirst, spyFirst, spySecond, ibmSecond);
    assertThat(summary.events()).isEqualTo(4);
    assertThat(summary.firstEventTime()).isEqualTo(OPEN);
    assertThat(summary.lastEventTime()).isEqualTo(OPEN.plusSeconds(2));
    assertThat(summary.publish().acked()).isEqualTo(4);
  }

  @Test
  void atMaxSpeedNeverWaits() {
    replay(ReplaySpeed.MAX)
        .run(
            List.of(List.of(trade("IBM", 0, 1), trade("IBM", 60_000, 2)).iterator()),
            Quote::eventTime,
            sink,
            OptionalLong.empty());

    assertThat(sleeps).isEmpty();
  }

  /** Trades at the open, a minute after it and three minutes after it; the total is known. */
  private ReplaySummary threeTradesOverThreeMinutes(Replay replay) {
    return replay.run(
        List.of(
            List.of(trade("IBM", 0, 1), trade("IBM", 60_000, 2), trade("IBM", 180_000, 3))
                .iterator()),
        Quote::eventTime,
        sink,
        OptionalLong.of(3));
  }

  @Test
  void at60xAMinuteOfRecordedTimeTakesASecond() {
    ReplaySummary summary = threeTradesOverThreeMinutes(replay(ReplaySpeed.parse("60x")));

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(3));
    assertThat(progress)
        .hasSize(2)
        .first()
        .asString()
        .startsWith("replay: 2 events")
        .contains("event time 2013-10-07T13:31:00Z")
        .contains("67% of 3");
  }

  @Test
  void aListenerGetsTheCountTheTotalAndTheEventTimeReached() {
    List<Replay.Progress> seen = new ArrayList<>();

    threeTradesOverThreeMinutes(
        replay(ReplaySpeed.parse("60x")).reportingTo(Duration.ofSeconds(1), seen::add));

    // A report at most a second apart: after the 2nd event (1 s in) and the 3rd (3 s in).
    assertThat(seen)
        .extracting(Replay.Progress::events, Replay.Progress::eventTime, Replay.Progress::elapsed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, OPEN.plusSeconds(60), Duration.ofSeconds(1)),
            org.assertj.core.groups.Tuple.tuple(3L, OPEN.plusSeconds(180), Duration.ofSeconds(3)));
    assertThat(seen.get(0).expected()).hasValue(3);
    assertThat(progress).as("the lines go to the listener instead").isEmpty();
  }

  @Test
  void anInterruptStopsTheReplayAtTheNextTurnAndSaysHowFarItGot() {
    Replay replay =
        new Replay(
            ReplaySpeed.parse("60x"),
            clock,
            duration -> {
              throw new InterruptedException(); // Ctrl-C or --duration while waiting
            },
            Duration.ofSeconds(1),
            progress::add);

    ReplaySummary summary =
        replay.run(
            List.of(List.of(trade("IBM", 0, 1), trade("IBM", 60_000, 2)).iterator()),
            Quote::eventTime,
            sink,
            OptionalLong.of(2));

    assertThat(summary.stopped()).isTrue();
    assertThat(summary.events()).isEqualTo(1);
    assertThat(summary.lastEventTime()).isEqualTo(OPEN);
    assertThat(sink.events()).extracting(Quote::sequence).containsExactly(1L);
    assertThat(summary.toString()).startsWith("replay stopped: 1 events");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aReplayThatEndsIsNotStopped() {
    ReplaySummary summary =
        replay(ReplaySpeed.MAX)
            .run(
                List.of(List.of(trade("IBM", 0, 1)).iterator()),
                Quote::eventTime,
                sink,
                OptionalLong.empty());

    assertThat(summary.stopped()).isFalse();
    assertThat(summary.toString()).startsWith("replay done: 1 events");
  }

  @Test
  void fastForwardPublishesEarlierEventsAtOnceAndPacesFromThere() {
    ReplaySummary summary =
        replay(ReplaySpeed.parse("60x"))
            .fastForwardTo(OPEN.plusSeconds(600))
            .run(
                List.of(
                    List.of(
                            trade("IBM", 0, 1),
                            trade("IBM", 300_000, 2),
                            trade("IBM", 660_000, 3),
                            trade("IBM", 780_000, 4))
                        .iterator()),
                Quote::eventTime,
                sink,
                OptionalLong.of(4));

    // The first two (before 10 minutes in) at once; the third a recorded minute after the
    // fast-forward point (1 s), the fourth 2 recorded minutes after that (2 s).
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(sink.events()).extracting(Quote::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(summary.firstEventTime()).isEqualTo(OPEN);
    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void progressLineGivesRateAndEta() {
    assertThat(Replay.progressLine(50_000, Duration.ofSeconds(10), OPEN, OptionalLong.of(250_000)))
        .isEqualTo(
            "replay: 50,000 events, 5,000 events/s, event time 2013-10-07T13:30:00Z, 20% of"
                + " 250,000, ETA 40s");
  }

  private static Quote trade(String symbol, long millisAfterOpen, long sequence) {
    return new Quote(
        Symbol.of(symbol), OPEN.plusMillis(millisAfterOpen), 100.0, 100, "lean-tick", sequence);
  }

  /** A clock that moves only when told to. */
  static final class FakeClock extends Clock {
    private Instant now;

    FakeClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
