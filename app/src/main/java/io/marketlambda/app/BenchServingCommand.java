package io.marketlambda.app;

import io.marketlambda.bench.serving.ServingBenchmark;
import io.marketlambda.core.config.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench serving}. */
@Command(
    name = "serving",
    mixinStandardHelpOptions = true,
    header = "Latency of the serving layer's lookups, beside bare HBase Gets and Scans.",
    description = {
      "Measures p50/p99/p999 latency of a symbol's latest quote and of its one-year daily bars",
      "across the batch watermark at fixed offered rates, through the Java client and over HTTP",
      "(an in-process API server), next to a bare HBase Get/Scan of the same rows, in one run.",
      "Needs views to read: run it while the demo runs, with",
      "--config work/demo/settings.properties."
    })
final class BenchServingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(
      names = "--symbol",
      paramLabel = "<symbol>",
      defaultValue = "IBM",
      description = "A symbol with batch views and a realtime quote (default: ${DEFAULT-VALUE}).")
  String symbol;

  @Option(
      names = "--rates",
      paramLabel = "<requests/s>",
      split = ",",
      defaultValue = "100,500,1000",
      description = "Offered rates, one step each (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(
      names = "--step",
      paramLabel = "<duration>",
      defaultValue = "10s",
      description =
          "How long each rate is offered per request and path (default: ${DEFAULT-VALUE}).")
  Duration step;

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
    new ServingBenchmark(
            config.settings(),
            QueryCommand.symbol(spec, symbol),
            rates,
            step,
            Path.of("work", "bench", "serving"),
            line -> {
              out.println(line);
              out.flush();
            })
        .run();
    return 0;
  }
}
