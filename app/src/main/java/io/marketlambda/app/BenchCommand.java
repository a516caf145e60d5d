package io.marketlambda.app;

import io.marketlambda.ingest.bench.IngestBenchmark;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench}: benchmarks that print figures next to a bare baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks; each figure is printed next to a bare baseline measured in the same run.",
    subcommands = {BenchCommand.Ingest.class})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("marketlambda bench: missing benchmark");
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }

  /** {@code marketlambda bench ingest}. */
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "Parse rate of each recorded-file reader against a plain Jackson parse of the same file,",
        "and publish rate of the Kafka sink against a raw KafkaProducer loop on the same broker.",
        "Needs a running broker: start bin/marketlambda local-stack first."
      })
  static final class Ingest implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Option(
        names = "--data-dir",
        paramLabel = "<dir>",
        defaultValue = "../shared/data",
        description = "The shared market data (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(
        names = "--warmups",
        paramLabel = "<n>",
        defaultValue = "2",
        description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(
        names = "--rounds",
        paramLabel = "<n>",
        defaultValue = "3",
        description = "Measured rounds; the best is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
      if (!Files.isDirectory(dataDirectory)) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --data-dir " + dataDirectory + ": not found");
      }
      if (warmups < 0 || rounds < 1) {
        throw new ParameterException(
            spec.commandLine(), "Cannot bench with --warmups " + warmups + " --rounds " + rounds);
      }
      KafkaPublishConfig kafka = KafkaPublishConfig.from(config.settings());
      new IngestBenchmark(
              dataDirectory, kafka, warmups, rounds, spec.commandLine().getOut()::println)
          .run();
      return 0;
    }
  }
}
