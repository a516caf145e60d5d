package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.speed.stream.SpeedConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {
  @Test
  void everyKeyOfEveryConfigIsListedOnceWithItsDefaultAsConfigWritesIt() {
    StringWriter out = new StringWriter();
    int exit =
        MarketLambdaApplication.commandLine().setOut(new PrintWriter(out, true)).execute("config");

    assertThat(exit).isZero();
    List<String> lines = Arrays.asList(out.toString().split("\n"));
    List<ConfigKey<?>> every = new ArrayList<>();
    Stream.of(
            LakeConfig.keys(),
            TopicsConfig.keys(),
            KafkaPublishConfig.keys(),
            AlphaVantageConfig.keys(),
            HBaseViewsConfig.keys(),
            SpeedConfig.keys(),
            BatchConfig.keys(),
            List.<ConfigKey<?>>of(QuoteLanding.FAIL_ON_DATA_LOSS),
            ServingConfig.keys())
        .forEach(every::addAll);
    for (ConfigKey<?> key : every) {
      assertThat(lines)
          .as(key.name())
          .filteredOn(line -> line.startsWith("  " + key.name() + " "))
          .hasSize(1);
    }
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches("  speed\\.watermark +10s +How late, in event time, a quote .*"))
        .anySatisfy(line -> assertThat(line).matches("  speed\\.trigger +processing-time +.*"))
        .anySatisfy(line -> assertThat(line).matches("  land\\.fail-on-data-loss +false +true: .*"))
        .anySatisfy(
            line -> assertThat(line).matches("  lake\\.root +work/lake +Root of the lake.*"))
        .contains("speed layer (speed):");
  }
}
