package io.marketlambda.app;

import io.marketlambda.bench.speed.OfferedQuotes;
import io.marketlambda.bench.speed.SpeedBenchmark;
import io.marketlambda.core.config.Durations;
import io.marketlambda.core.model.Quote;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench speed}. */
@Command(
    name = "speed",
    mixinStandardHelpOptions = true,
    header = "Throughput and latency of the speed layer, beside a bare Kafka -> HBase loop.",
    description = {
      "Drives the speed layer at rising rates with the recorded 2013-10-07 trades of IBM, SPY",
      "and BAC (re-stamped with the send time) and prints, per rate, the quotes/s it sustains",
      "and the produce-to-visible-in-HBase latency (p50, p99) of the latest quote and of the",
      "1-minute bar holding it, next to a bare KafkaConsumer -> BufferedMutator loop measured",
      "the same way in the same run.",
      "Needs a running local stack (bin/marketlambda local-stack) or a cluster's --config."
    })
final class BenchSpeedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Mixin BenchCommand.DataDirOption data;

  @Option(
      names = "--rates",
      paramLabel = "<quotes/s>",
      split = ",",
      defaultValue = "1000,5000,10000,20000,40000",
      description = "Offered rates, one step each (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(
      names = "--step",
      paramLabel = "<duration>",
      defaultValue = "20s",
      description = "How long each rate is offered (default: ${DEFAULT-VALUE}).")
  Duration step;

  @Option(
      names = "--warm-up",
      paramLabel = "<duration>",
      defaultValue = "15s",
      description = "Unmeasured time at the first rate (default: ${DEFAULT-VALUE}).")
  Duration warmUp;

  @Option(
      names = "--lake",
      paramLabel = "<dir>",
      defaultValue = "work/bench/speed",
      description = "Where the speed layer's checkpoints go (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Option(
      names = "--baseline",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Measure the bare KafkaConsumer -> BufferedMutator loop first (default: on;"
              + " --no-baseline for a long soak of the speed layer alone).")
  boolean baseline;

  @Override
  public Integer call() throws Exception {
    if (rates.stream().anyMatch(rate -> rate < 1) || step.toSeconds() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot bench with --rates "
              + rates
              + " --step "
              + Durations.format(step)
              + ": rates must be positive and the step at least 1s");
    }
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> lines =
        line -> {
          out.println(line);
          out.flush();
        };
    List<Quote> trades;
    try {
      trades = OfferedQuotes.recordedTrades(data.directory, lines);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    new SpeedBenchmark(config.settings(), trades, rates, step, warmUp, lake, baseline, lines).run();
    return 0;
  }
}
