package io.marketlambda.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Quote;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.speed.stream.SpeedItSupport;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short version of {@code bench faults} for F4 (10,000 poison records of every kind mixed into
 * IBM's trades of 2013-10-07 and four copies of that day) and F5 (duplicates and out-of-order
 * delivery), on the shared local stack with the speed layer in a child JVM. The counts expected are
 * those of the file (read here without product code) and of the corpus; kills and outages (F1-F3)
 * and late data (F6) have their own ITs: SpeedKillIT, SpeedOutageIT, SpeedLateDataIT.
 */
@ExtendWith(LocalStackExtension.class)
class FaultBenchIT {
  @Test
  void poisonIsDeadLetteredOnceAndDuplicatesAreCountedOnceWithNoTradeLost(
      LocalStackEndpoints endpoints, LocalStackProcess stack) throws Exception {
    LeanTradeTicks ibm = LeanTradeTicks.read("IBM");
    List<LeanTradeTicks.Tick> ticks = ibm.ticks();
    List<Quote> day = SpeedItSupport.trades(ibm);
    List<String> printed = new ArrayList<>();
    List<io.marketlambda.bench.FaultRow> rows =
        new FaultBench(
                endpoints.asProperties(),
                day,
                Duration.ofSeconds(15),
                Path.of("target", "fault-bench-it").toAbsolutePath(),
                stack::control,
                printed::add)
            .run(List.of(FaultBench.Fault.F4, FaultBench.Fault.F5));

    io.marketlambda.bench.FaultRow poison = rows.get(0);
    assertThat(poison.problems()).as(String.join("\n", printed)).isEmpty();
    // Drained runs send the day and four copies of it, a day apart each, then two closing trades.
    assertThat(poison.offered()).isEqualTo(5L * ticks.size() + 10_000 + 2);
    assertThat(poison.deadLettered()).isEqualTo(10_000);
    assertThat(poison.lost()).isZero();
    assertThat(poison.duplicated()).isZero();
    assertThat(poison.lateRouted()).isZero();

    io.marketlambda.bench.FaultRow duplicates = rows.get(1);
    assertThat(duplicates.problems()).as(String.join("\n", printed)).isEmpty();
    assertThat(duplicates.offered()).isEqualTo(ticks.size() + ticks.size() / 10 + 2);
    assertThat(duplicates.lost()).isZero();
    assertThat(duplicates.duplicated()).isZero();
    assertThat(duplicates.deadLettered()).isZero();
    assertThat(duplicates.lateRouted()).isZero();
    assertThat(printed)
        .last()
        .isEqualTo(
            String.format(
                java.util.Locale.ROOT,
                "F5: passed, %,d offered, 0 lost, 0 duplicated",
                ticks.size() + ticks.size() / 10 + 2));
    assertThat(io.marketlambda.bench.FaultReport.lines(rows))
        .last()
        .isEqualTo("faults: 2 injected, lost 0, duplicated 0");
  }
}
