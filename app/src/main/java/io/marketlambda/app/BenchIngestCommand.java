package io.marketlambda.app;

import io.marketlambda.bench.ingest.IngestBenchmark;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench ingest}. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    header = "Parse and publish rates of ingest, beside plain Jackson and a raw KafkaProducer.",
    description = {
      "Parse rate of each recorded-file reader against a plain Jackson parse of the same file,",
      "and publish rate of the Kafka sink against a raw KafkaProducer loop on the same broker.",
      "Needs a running broker: start bin/marketlambda local-stack first."
    })
final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Mixin BenchCommand.DataDirOption data;

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
    if (!Files.isDirectory(data.directory)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --data-dir " + data.directory + ": not found");
    }
    if (warmups < 0 || rounds < 1) {
      throw new ParameterException(
          spec.commandLine(), "Cannot bench with --warmups " + warmups + " --rounds " + rounds);
    }
    KafkaPublishConfig kafka = KafkaPublishConfig.from(config.settings());
    new IngestBenchmark(
            data.directory, kafka, warmups, rounds, spec.commandLine().getOut()::println)
        .run();
    return 0;
  }
}
