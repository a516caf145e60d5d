package io.marketlambda.bench.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.LeanTicks;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.model.Quote;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the batch faults of {@code bench faults}: F9 (a nightly run in a child JVM
 * killed with SIGKILL midway, then rerun; two runs at once) on IBM's Lean daily history, and F12
 * (retention removing quotes before land read them) with 4,000 of IBM's real trades of 2013-10-07.
 */
@ExtendWith(LocalStackExtension.class)
class BatchFaultBenchIT {
  private static final SparkSession spark = LocalSpark.session();

  @Test
  void aKilledRunIsTakenOverAndRerunAndARetentionGapIsReportedWithNothingLostOrDoubled(
      LocalStackEndpoints endpoints, @TempDir Path root) throws Exception {
    LakeLayout lake = LakeLayout.of(root.resolve("lake").toString());
    new BronzeImport(spark, lake, Clock.systemUTC(), line -> {})
        .importBars("lean-daily", LeanDaily.read("IBM").lineageBars().iterator());
    List<Quote> trades = LeanTicks.ibm().subList(0, 4_000);

    List<FaultRow> rows =
        new BatchFaultBench(
                spark,
                lake,
                LeanTicks.DAY,
                Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
                trades,
                root,
                System.out::println)
            .run(List.of(BatchFaultBench.Fault.F9, BatchFaultBench.Fault.F12));

    FaultRow killed = rows.get(0);
    assertThat(killed.problems()).isEmpty();
    assertThat(killed.offered()).isEqualTo(LeanDaily.read("IBM").days().size());
    assertThat(killed.lost()).isZero();
    assertThat(killed.duplicated()).isZero();
    assertThat(killed.recoverySeconds()).isPositive();
    assertThat(Files.readString(root.resolve("F9-killed-run.log"))).contains("gold.bars_weekly");

    FaultRow retention = rows.get(1);
    assertThat(retention.problems()).isEmpty();
    assertThat(retention.offered()).isEqualTo(4_000);
    assertThat(retention.lost()).isZero();
    assertThat(retention.duplicated()).isZero();
  }
}
