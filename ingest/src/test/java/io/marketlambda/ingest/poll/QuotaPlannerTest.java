package io.marketlambda.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.alphavantage.AlphaVantageFunction;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.QuotaLedger;
import io.marketlambda.sources.alphavantage.QuotaLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaPlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-21T14:30:00Z");
  private static final QuotaLimits FREE = QuotaLimits.free(5, 25, ZoneId.of("UTC"));

  @TempDir Path directory;

  @Test
  void spendsCallsByPriorityThenOldestSuccessFirst() {
    FetchTarget yesterday = daily("AAA", 10, Instant.parse("2026-11-20T21:00:00Z"));
    FetchTarget never = daily("BBB", 10, null);
    FetchTarget twoDaysAgo = daily("CCC", 10, Instant.parse("2026-11-19T21:00:00Z"));
    FetchTarget unimportant = daily("DDD", 0, null);

    FetchPlan plan = planner(FREE, NOW).plan(List.of(unimportant, yesterday, never, twoDaysAgo));

    assertThat(plan.callNow()).containsExactly(never, twoDaysAgo, yesterday, unimportant);
    assertThat(plan.deferred()).isEmpty();
  }

  @Test
  void neverExceedsTheMinuteOrTheDay() {
    List<FetchTarget> targets =
        IntStream.range(0, 30).mapToObj(i -> daily("T" + i, 0, null)).toList();

    FetchPlan plan = planner(FREE, NOW).plan(targets);

    assertThat(plan.callNow()).hasSize(5);
    assertThat(plan.deferred()).hasSize(25);
    assertThat(plan.deferred().subList(0, 20))
        .allMatch(deferral -> deferral.reason().equals("per-minute limit of 5 calls reached"));
    // Calls 6-10 can go a minute later, calls 21-25 four minutes later.
    assertThat(plan.deferred().get(0).notBefore()).isEqualTo(NOW.plusSeconds(60));
    assertThat(plan.deferred().get(19).notBefore()).isEqualTo(NOW.plusSeconds(240));
    assertThat(plan.deferred().subList(20, 25))
        .allMatch(deferral -> deferral.reason().equals("daily quota of 25 calls spent"))
        .allMatch(deferral -> deferral.notBefore().equals(Instant.parse("2026-11-22T00:00:00Z")));
  }

  @Test
  void theDaysCountSurvivesARestartAndResetsAtMidnightOfTheResetZone() throws Exception {
    Path stateFile = directory.resolve("state/quota.properties");
    QuotaLedger ledger = new QuotaLedger(FREE, stateFile, NOW);
    for (int i = 0; i < 23; i++) {
      ledger.recordCall(NOW.minusSeconds(3600 - 60L * i));
    }

    QuotaLedger restarted = new QuotaLedger(FREE, stateFile, NOW);
    FetchPlan plan =
        new QuotaPlanner(restarted, Clock.fixed(NOW, ZoneOffset.UTC))
            .plan(List.of(daily("AAA", 1, null), daily("BBB", 1, null), daily("CCC", 1, null)));

    assertThat(restarted.callsToday(NOW)).isEqualTo(23);
    assertThat(plan.callNow()).hasSize(2);
    assertThat(plan.deferred())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("daily quota"));
    assertThat(restarted.callsToday(Instant.parse("2026-11-22T00:00:00Z"))).isZero();
    assertThat(Files.readString(stateFile)).startsWith("quota-day=2026-11-21\ncalls-made=23\n");
    try (var files = Files.list(stateFile.getParent())) {
      assertThat(files).containsExactly(stateFile);
    }
  }

  @Test
  void callsOfTheLastMinuteCountAgainstTheMinute() {
    Path stateFile = directory.resolve("quota.properties");
    QuotaLedger ledger = new QuotaLedger(FREE, stateFile, NOW);
    ledger.recordCall(NOW.minusSeconds(50));
    ledger.recordCall(NOW.minusSeconds(20));
    ledger.recordCall(NOW.minusSeconds(10));
    ledger.recordCall(NOW.minusSeconds(90));

    FetchPlan plan =
        new QuotaPlanner(ledger, Clock.fixed(NOW, ZoneOffset.UTC))
            .plan(List.of(daily("AAA", 1, null), daily("BBB", 1, null), daily("CCC", 1, null)));

    assertThat(ledger.callsLeftThisMinute(NOW)).isEqualTo(2);
    assertThat(plan.callNow()).hasSize(2);
    // The oldest call of the window, 50 s ago, frees its slot 10 s from now.
    assertThat(plan.deferred().get(0).notBefore()).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void premiumKeysHaveNoDailyCap() {
    List<FetchTarget> targets =
        IntStream.range(0, 100).mapToObj(i -> daily("T" + i, 0, null)).toList();

    FetchPlan plan = planner(QuotaLimits.premium(75, ZoneId.of("UTC")), NOW).plan(targets);

    assertThat(plan.callNow()).hasSize(75);
    assertThat(plan.deferred()).hasSize(25).allMatch(d -> d.reason().startsWith("per-minute"));
  }

  @Test
  void rendersTheDryRun() {
    FetchPlan plan =
        planner(QuotaLimits.free(1, 25, ZoneId.of("UTC")), NOW)
            .plan(
                List.of(
                    daily("IBM", 10, null),
                    daily("MSFT", 5, Instant.parse("2026-11-20T21:00:00Z"))));

    assertThat(plan.render())
        .isEqualTo(
            "Alpha Vantage plan at 2026-11-21T14:30:00Z: 1/minute, 25/day (day starts 00:00 UTC);"
                + " 0 calls made today\n"
                + "call now (1):\n"
                + "  1. TIME_SERIES_DAILY IBM (priority 10, last success never)\n"
                + "deferred (1):\n"
                + "  - TIME_SERIES_DAILY MSFT (priority 5, last success 2026-11-20T21:00:00Z):"
                + " per-minute limit of 1 calls reached; not before 2026-11-21T14:31:00Z\n");
  }

  private QuotaPlanner planner(QuotaLimits limits, Instant now) {
    QuotaLedger ledger = new QuotaLedger(limits, directory.resolve("quota.properties"), now);
    return new QuotaPlanner(ledger, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static FetchTarget daily(String symbol, int priority, Instant lastSuccess) {
    return new FetchTarget(
        AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, Symbol.of(symbol)),
        priority,
        lastSuccess);
  }
}
