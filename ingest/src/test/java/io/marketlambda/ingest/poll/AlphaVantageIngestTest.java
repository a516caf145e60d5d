package io.marketlambda.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.sink.EventSink;
import io.marketlambda.ingest.sink.InMemoryEventSink;
import io.marketlambda.ingest.sink.PublishStats;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.IntradayInterval;
import io.marketlambda.sources.alphavantage.MaskedApiKey;
import io.marketlambda.sources.alphavantage.RecordedResponses;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.LocalAlphaVantage;
import io.marketlambda.testing.LocalAlphaVantage.Answer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polling job against a loopback Alpha Vantage serving the real recorded MSFT 1-minute response
 * of Monday 2017-12-18 (100 bars, 13:17 to 14:56 New York, read as bar starts).
 */
class AlphaVantageIngestTest {
  private static final String INTRADAY_BODY =
      RecordedResponses.read("romeltorres-alpha_vantage/time_series_intraday_1min_MSFT.json");
  // The recorded MARKET_STATUS says the US market is closed; the "open" variant edits that word.
  private static final String STATUS_CLOSED =
      RecordedResponses.read("crazzyghost-alphavantage-java/market_status.json");
  private static final String STATUS_OPEN =
      STATUS_CLOSED.replaceFirst(
          "(\"region\":\\s*\"United States\"[^}]*\"current_status\":\\s*\")closed", "$1open");
  private static final List<AlphaVantageRequest> MSFT_1MIN =
      List.of(AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE));
  // 16:10 New York (EST) on 2017-12-18: after the close, within the grace period.
  private static final Instant AFTER_CLOSE = Instant.parse("2017-12-18T21:10:00Z");
  // 14:50 New York on 2017-12-18: in the session.
  private static final Instant MID_SESSION = Instant.parse("2017-12-18T19:50:00Z");

  @TempDir Path directory;
  private final InMemoryEventSink<Bar> bars = new InMemoryEventSink<>();
  private final InMemoryEventSink<Quote> quotes = new InMemoryEventSink<>();

  private AlphaVantageConfig config(LocalAlphaVantage server) {
    return AlphaVantageConfig.from(
        Settings.empty()
            .withOverrides(
                List.of(
                    "alphavantage.base-url=" + server.baseUrl(),
                    "alphavantage.intraday-label=start",
                    "alphavantage.state-file=" + directory.resolve("quota.properties"))));
  }

  private AlphaVantageIngest job(LocalAlphaVantage server, Instant now) {
    return AlphaVantageIngest.create(
        config(server),
        new MaskedApiKey("K3YSECRET42"),
        directory.resolve("marks.properties"),
        new InMemoryQuarantine(),
        bars,
        quotes,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void publishesEveryEndedBarOnceAcrossCyclesAndRestarts() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(INTRADAY_BODY))) {
      AlphaVantageIngest.CycleSummary first = job(server, AFTER_CLOSE).pollOnce(MSFT_1MIN);
      AlphaVantageIngest.CycleSummary second = job(server, AFTER_CLOSE).pollOnce(MSFT_1MIN);

      assertThat(first.published()).isEqualTo(barsInTheResponseStartingBy("9999"));
      assertThat(bars.events()).hasSize((int) first.published());
      assertThat(second.called()).isEqualTo(1);
      assertThat(second.published()).isZero();
      assertThat(bars.events()).extracting(Bar::symbol).containsOnly(Symbol.of("MSFT"));
      assertThat(bars.events()).extracting(Bar::start).isSorted();
      assertThat(server.queries())
          .allMatch(query -> query.startsWith("function=TIME_SERIES_INTRADAY"));
    }
  }

  @Test
  void aCycleAfterAFailedPublishPublishesAgainAndMovesTheMark() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(INTRADAY_BODY))) {
      // Kafka refuses the first request's records (broker down), then takes every record. Its
      // counts are cumulative, as KafkaEventSink's are.
      RefusingSink<Bar> flaky = new RefusingSink<>(1);
      AlphaVantageIngest job =
          AlphaVantageIngest.create(
              config(server),
              new MaskedApiKey("K3YSECRET42"),
              directory.resolve("marks.properties"),
              new InMemoryQuarantine(),
              flaky,
              quotes,
              Clock.fixed(AFTER_CLOSE, ZoneOffset.UTC));

      AlphaVantageIngest.CycleSummary refused = job.pollOnce(MSFT_1MIN);
      AlphaVantageIngest.CycleSummary retried = job.pollOnce(MSFT_1MIN);
      AlphaVantageIngest.CycleSummary after = job.pollOnce(MSFT_1MIN);

      assertThat(refused.published()).isZero();
      assertThat(refused.failures()).singleElement().asString().contains("broker down");
      assertThat(retried.failures()).isEmpty();
      assertThat(retried.published()).isEqualTo(barsInTheResponseStartingBy("9999"));
      assertThat(after.published()).as("the mark moved: nothing new").isZero();
      assertThat(flaky.stored()).hasSize((int) retried.published());
    }
  }

  /**
   * A sink that refuses every record of its first {@code refusedFlushes} flush windows, with
   * cumulative counts like {@code KafkaEventSink}'s.
   */
  private static final class RefusingSink<T> implements EventSink<T> {
    private final List<T> stored = new ArrayList<>();
    private int refusedFlushes;
    private long sent;
    private long failed;
    private long sentAtLastFlush;

    RefusingSink(int refusedFlushes) {
      this.refusedFlushes = refusedFlushes;
    }

    @Override
    public void publish(T event) {
      sent++;
      if (refusedFlushes > 0) {
        failed++;
      } else {
        stored.add(event);
      }
    }

    @Override
    public PublishStats flush() {
      if (sent > sentAtLastFlush && refusedFlushes > 0) {
        refusedFlushes--; // a window with records ends here
      }
      sentAtLastFlush = sent;
      Optional<String> failure =
          failed > 0 ? Optional.of("Cannot publish to bars: broker down") : Optional.empty();
      return new PublishStats(sent, sent - failed, failed, failure);
    }

    List<T> stored() {
      return stored;
    }

    @Override
    public void close() {}
  }

  @Test
  void inTheSessionLeavesTheBarsThatHaveNotEndedForLater() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.ok(STATUS_OPEN), Answer.ok(INTRADAY_BODY))) {
      AlphaVantageIngest.CycleSummary cycle = job(server, MID_SESSION).pollOnce(MSFT_1MIN);

      // A 1-minute bar starting 14:49 ends 14:50, the clock's time: the last one published.
      assertThat(cycle.published()).isEqualTo(barsInTheResponseStartingBy("2017-12-18 14:49:00"));
      assertThat(bars.events().get(bars.events().size() - 1).start())
          .isEqualTo(Instant.parse("2017-12-18T19:49:00Z"));
      assertThat(server.queries()).first().asString().startsWith("function=MARKET_STATUS");
    }
  }

  @Test
  void onADayMarketStatusReportsClosedNothingElseIsCalled() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.ok(STATUS_CLOSED), Answer.ok(INTRADAY_BODY))) {
      AlphaVantageIngest job = job(server, MID_SESSION);

      AlphaVantageIngest.CycleSummary first = job.pollOnce(MSFT_1MIN);
      AlphaVantageIngest.CycleSummary second = job.pollOnce(MSFT_1MIN);

      assertThat(first.inSession()).isFalse();
      assertThat(second.inSession()).isFalse();
      assertThat(server.queries())
          .hasSize(1)
          .first()
          .asString()
          .startsWith("function=MARKET_STATUS");
      assertThat(bars.events()).isEmpty();
    }
  }

  @Test
  void onASaturdayNothingIsCalled() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(INTRADAY_BODY))) {
      AlphaVantageIngest.CycleSummary cycle =
          job(server, Instant.parse("2017-12-16T16:00:00Z")).pollOnce(MSFT_1MIN);

      assertThat(cycle.inSession()).isFalse();
      assertThat(server.queries()).isEmpty();
    }
  }

  @Test
  void dryRunPlansWithoutCalling() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(INTRADAY_BODY))) {
      FetchPlan plan =
          AlphaVantageIngest.plan(
              config(server),
              directory.resolve("marks.properties"),
              Clock.fixed(AFTER_CLOSE, ZoneOffset.UTC),
              MSFT_1MIN);

      assertThat(plan.callNow()).extracting(FetchTarget::request).isEqualTo(MSFT_1MIN);
      assertThat(plan.render()).contains("TIME_SERIES_INTRADAY MSFT 1min");
      assertThat(server.queries()).isEmpty();
    }
  }

  /** Counts the response's bars whose New York timestamp is at or before {@code last}. */
  private static long barsInTheResponseStartingBy(String last) throws Exception {
    List<String> times = new ArrayList<>();
    new ObjectMapper()
        .readTree(INTRADAY_BODY)
        .get("Time Series (1min)")
        .fieldNames()
        .forEachRemaining(times::add);
    return times.stream().filter(time -> time.compareTo(last) <= 0).count();
  }
}
