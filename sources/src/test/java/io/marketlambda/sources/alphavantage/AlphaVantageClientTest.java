package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.LocalAlphaVantage;
import io.marketlambda.testing.LocalAlphaVantage.Answer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a loopback server serving the real recorded bodies. */
class AlphaVantageClientTest {
  private static final String KEY = "K3YSECRET42";
  private static final Instant NOW = Instant.parse("2026-11-21T05:00:00Z");
  private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final AlphaVantageRequest DAILY_IBM =
      AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, Symbol.of("IBM"));
  private static final String DAILY_BODY =
      RecordedResponses.read("crazzyghost-alphavantage-java/timeseries_daily.json");

  private static final String MSFT_CSV =
      RecordedResponses.read(
          "romeltorres-alpha_vantage/time_series_intraday_extended_1min_MSFT.csv");
  private static final AlphaVantageRequest MSFT_CSV_REQUEST =
      AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE)
          .forMonth(YearMonth.of(2020, 12))
          .asCsv();

  private final List<Duration> pauses = new ArrayList<>();
  private final List<Instant> calls = new ArrayList<>();
  private final CallBudget recording =
      new CallBudget() {
        @Override
        public Optional<Duration> waitBeforeNextCall(Instant now) {
          return Optional.of(Duration.ZERO);
        }

        @Override
        public void recordCall(Instant at) {
          calls.add(at);
        }
      };

  @Test
  void returnsTheRecordedBodyAndSendsTheKeyOnlyOnTheWire() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(DAILY_BODY))) {
      AlphaVantageClient client = client(server);

      assertThat(client.fetch(DAILY_IBM)).isEqualTo(DAILY_BODY);
      assertThat(server.queries())
          .containsExactly("function=TIME_SERIES_DAILY&symbol=IBM&apikey=" + KEY);
      assertThat(client.maskedUrl(DAILY_IBM))
          .isEqualTo(server.baseUrl() + "?function=TIME_SERIES_DAILY&symbol=IBM&apikey=***");
      assertThat(pauses).isEmpty();
      assertThat(calls).containsExactly(Instant.parse("2026-11-21T05:00:00Z"));
    }
  }

  @Test
  void aRecordedCsvBodyComesThroughWholeAndParses() throws Exception {
    String csv =
        RecordedResponses.read(
            "romeltorres-alpha_vantage/time_series_intraday_extended_1min_MSFT.csv");
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE)
            .forMonth(YearMonth.of(2020, 12))
            .asCsv();
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(csv))) {
      String body = client(server).fetch(request);

      ParseResult<Bar> bars =
          new AlphaVantageParser(BarLabel.END, new InMemoryQuarantine()).parseBars(request, body);
      assertThat(bars.summary().accepted()).isEqualTo(11_190);
      assertThat(server.queries())
          .containsExactly(
              "function=TIME_SERIES_INTRADAY&symbol=MSFT&interval=1min&month=2020-12&datatype=csv"
                  + "&apikey="
                  + KEY);
    }
  }

  @Test
  void everyNonDataBodyEndsAsItsClassSaysAndOnlyRateLimitsAreRetried() throws Exception {
    for (Map.Entry<String, String> body : ErrorBodies.byId().entrySet()) {
      NonDataKind kind = NonDataResponseTest.EXPECTED.get(body.getKey());
      pauses.clear();
      try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(body.getValue()))) {
        AlphaVantageException failure =
            catchThrowableOfType(
                AlphaVantageException.class, () -> client(server).fetch(DAILY_IBM));

        Class<?> expected =
            switch (kind) {
              case RATE_LIMITED -> AlphaVantageTransientException.class;
              case DAILY_QUOTA_EXHAUSTED -> AlphaVantageQuotaException.class;
              default -> AlphaVantageRequestException.class;
            };
        int attempts = kind == NonDataKind.RATE_LIMITED ? 3 : 1;
        assertThat(failure).as(body.getKey()).isInstanceOf(expected);
        assertThat(server.queries()).as(body.getKey()).hasSize(attempts);
        assertThat(pauses).as(body.getKey()).hasSize(attempts - 1);
        assertThat(pauses).allMatch(pause -> pause.compareTo(Duration.ofSeconds(15)) >= 0);
        assertThat(failure.getMessage())
            .startsWith("Cannot call TIME_SERIES_DAILY IBM: ")
            .contains(failure.apiText().orElseThrow());
        assertKeyNeverShown(failure);
      }
    }
  }

  @Test
  void retriesA503AfterABackOff() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.status(503), Answer.ok(DAILY_BODY))) {
      assertThat(client(server).fetch(DAILY_IBM)).isEqualTo(DAILY_BODY);

      assertThat(server.queries()).hasSize(2);
      assertThat(calls).hasSize(2);
      // First back-off: 1 s, randomised by +-50%.
      assertThat(pauses)
          .singleElement()
          .satisfies(
              pause ->
                  assertThat(pause).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
    }
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailureChained() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.status(502))) {
      AlphaVantageTransientException failure =
          catchThrowableOfType(
              AlphaVantageTransientException.class, () -> client(server).fetch(DAILY_IBM));

      assertThat(failure)
          .hasMessage(
              "Cannot call TIME_SERIES_DAILY IBM: HTTP status 502; tried up to 3 times with back-off"
                  + " (alphavantage.max-attempts)");
      assertThat(server.queries()).hasSize(3);
      assertThat(pauses).hasSize(2);
      // Second back-off: 2 s, randomised by +-50%.
      assertThat(pauses.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }
  }

  @Test
  void retriesAStalledResponseAfterTheTimeout() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(
            Answer.stalled(Duration.ofSeconds(3), DAILY_BODY), Answer.ok(DAILY_BODY))) {
      assertThat(client(server).fetch(DAILY_IBM)).isEqualTo(DAILY_BODY);

      assertThat(server.queries()).hasSize(2);
    }
  }

  @Test
  void retriesABodyThatStallsAfterItsHeaders() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(
            Answer.stalledMidBody(Duration.ofSeconds(30), DAILY_BODY), Answer.ok(DAILY_BODY))) {
      long started = System.nanoTime();

      assertThat(client(server).fetch(DAILY_IBM)).isEqualTo(DAILY_BODY);

      assertThat(server.queries()).hasSize(2);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("the stalled exchange was given up, not waited out")
          .isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void aServerThatAlwaysStallsEndsInATransientFailure() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.stalled(Duration.ofSeconds(3), DAILY_BODY))) {
      AlphaVantageTransientException failure =
          catchThrowableOfType(
              AlphaVantageTransientException.class, () -> client(server).fetch(DAILY_IBM));

      assertThat(failure)
          .hasMessage(
              "Cannot call TIME_SERIES_DAILY IBM: no answer within PT0.3S; tried up to 3 times with"
                  + " back-off (alphavantage.max-attempts)");
      assertThat(server.queries()).hasSize(3);
    }
  }

  @Test
  void retriesATruncatedBody() throws Exception {
    String cut = DAILY_BODY.substring(0, DAILY_BODY.length() - 40);
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(cut), Answer.ok(DAILY_BODY))) {
      assertThat(client(server).fetch(DAILY_IBM)).isEqualTo(DAILY_BODY);

      assertThat(server.queries()).hasSize(2);
    }
  }

  @Test
  void retriesACsvBodyWhoseConnectionWasCutAtALineBoundary() throws Exception {
    // Every row whole, so the CSV alone cannot tell: the HTTP framing (Content-Length) can.
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.cutAfter(MSFT_CSV, lineBoundary()), Answer.ok(MSFT_CSV))) {
      assertThat(client(server).fetch(MSFT_CSV_REQUEST)).isEqualTo(MSFT_CSV);

      assertThat(server.queries()).hasSize(2);
    }
  }

  @Test
  void aCsvBodyCutAtALineBoundaryOnEveryAttemptEndsInATransientFailure() throws Exception {
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.cutAfter(MSFT_CSV, lineBoundary()))) {
      AlphaVantageTransientException failure =
          catchThrowableOfType(
              AlphaVantageTransientException.class, () -> client(server).fetch(MSFT_CSV_REQUEST));

      assertThat(failure)
          .hasMessageStartingWith(
              "Cannot call TIME_SERIES_INTRADAY MSFT 1min 2020-12: HTTP exchange failed: ")
          .hasMessageEndingWith("; tried up to 3 times with back-off (alphavantage.max-attempts)");
      assertThat(server.queries()).hasSize(3);
    }
  }

  /** The end of a line halfway through the recorded CSV. */
  private static int lineBoundary() {
    int boundary = MSFT_CSV.indexOf('\n', MSFT_CSV.length() / 2) + 1;
    assertThat(boundary).isPositive();
    return boundary;
  }

  @Test
  void aClientErrorStatusIsNotRetriedAndItsMessageMasksTheKey() throws Exception {
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.status(404))) {
      AlphaVantageRequestException failure =
          catchThrowableOfType(
              AlphaVantageRequestException.class, () -> client(server).fetch(DAILY_IBM));

      assertThat(failure.getMessage()).contains("HTTP status 404", "apikey=***");
      assertKeyNeverShown(failure);
      assertThat(server.queries()).hasSize(1);
    }
  }

  @Test
  void sendsNothingOnceTheLedgerCountsTheDaysCallsSpent(@TempDir Path directory) throws Exception {
    QuotaLimits limits = QuotaLimits.free(5, 25, ZoneId.of("UTC"));
    QuotaLedger ledger = new QuotaLedger(limits, directory.resolve("quota.properties"), NOW);
    for (int i = 0; i < 25; i++) {
      ledger.recordCall(NOW.minusSeconds(3600 + i));
    }
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(DAILY_BODY))) {
      AlphaVantageQuotaException failure =
          catchThrowableOfType(
              AlphaVantageQuotaException.class,
              () ->
                  new AlphaVantageClient(
                          config(server), new MaskedApiKey(KEY), FIXED, pauses::add, ledger)
                      .fetch(DAILY_IBM));

      assertThat(failure)
          .hasMessage(
              "Cannot call TIME_SERIES_DAILY IBM: the day's call budget is spent, nothing sent;"
                  + " wait for the quota reset");
      assertThat(server.queries()).isEmpty();
    }
  }

  @Test
  void waitsForTheMinuteWindowAndCountsEveryAttempt(@TempDir Path directory) throws Exception {
    QuotaLimits limits = QuotaLimits.free(5, 25, ZoneId.of("UTC"));
    QuotaLedger ledger = new QuotaLedger(limits, directory.resolve("quota.properties"), NOW);
    for (int i = 0; i < 5; i++) {
      ledger.recordCall(NOW.minusSeconds(40 - i));
    }
    try (LocalAlphaVantage server =
        new LocalAlphaVantage(Answer.status(500), Answer.ok(DAILY_BODY))) {
      new AlphaVantageClient(config(server), new MaskedApiKey(KEY), FIXED, pauses::add, ledger)
          .fetch(DAILY_IBM);

      // The oldest call of the minute, 40 s ago, frees its slot in 20 s.
      assertThat(pauses.get(0)).isEqualTo(Duration.ofSeconds(20));
      assertThat(server.queries()).hasSize(2);
      assertThat(ledger.callsToday(NOW)).isEqualTo(7);
    }
  }

  @Test
  void theApisDailyQuotaBodySpendsTheLedgersDay(@TempDir Path directory) throws Exception {
    QuotaLimits limits = QuotaLimits.free(5, 25, ZoneId.of("UTC"));
    QuotaLedger ledger = new QuotaLedger(limits, directory.resolve("quota.properties"), NOW);
    String spent = ErrorBodies.byId().get("daily_limit_25_per_day_2024");
    try (LocalAlphaVantage server = new LocalAlphaVantage(Answer.ok(spent))) {
      AlphaVantageClient client =
          new AlphaVantageClient(config(server), new MaskedApiKey(KEY), FIXED, pauses::add, ledger);

      assertThat(
              catchThrowableOfType(AlphaVantageQuotaException.class, () -> client.fetch(DAILY_IBM)))
          .hasMessageContaining("daily quota spent");
      assertThat(ledger.callsLeftToday(NOW)).isZero();
      assertThat(
              new QuotaLedger(limits, directory.resolve("quota.properties"), NOW).callsToday(NOW))
          .isEqualTo(25);
      assertThat(server.queries()).hasSize(1);
    }
  }

  private static AlphaVantageConfig config(LocalAlphaVantage server) {
    return AlphaVantageConfig.from(
        Settings.of(
            Map.of(
                "alphavantage.base-url", server.baseUrl().toString(),
                "alphavantage.request-timeout", "300ms",
                "alphavantage.max-attempts", "3")));
  }

  private AlphaVantageClient client(LocalAlphaVantage server) {
    return new AlphaVantageClient(
        config(server), new MaskedApiKey(KEY), FIXED, pauses::add, recording);
  }

  private static void assertKeyNeverShown(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      assertThat(String.valueOf(cause.getMessage())).doesNotContain(KEY);
      assertThat(cause.toString()).doesNotContain(KEY);
    }
  }
}
