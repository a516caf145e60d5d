package io.marketlambda.app;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.bench.IngestBenchmark;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.quarantine.Quarantine;
import io.marketlambda.ingest.recorded.RecordedReader;
import io.marketlambda.ingest.recorded.RecordedSource;
import io.marketlambda.speed.bench.SpeedBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
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
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Speed.class})
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

  /** {@code marketlambda bench speed}. */
  @Command(
      name = "speed",
      mixinStandardHelpOptions = true,
      description = {
        "Drives the speed layer at rising rates with the recorded 2013-10-07 trades of IBM, SPY",
        "and BAC (re-stamped with the send time) and prints, per rate, the quotes/s it sustains",
        "and the produce-to-visible-in-HBase latency (p50, p99) of the latest quote, next to a",
        "bare KafkaConsumer -> BufferedMutator loop measured the same way in the same run.",
        "Needs a running local stack (bin/marketlambda local-stack) or a cluster's --config."
      })
  static final class Speed implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Option(
        names = "--data-dir",
        paramLabel = "<dir>",
        defaultValue = "../shared/data",
        description = "The shared market data (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(
        names = "--rates",
        paramLabel = "<quotes/s>",
        split = ",",
        defaultValue = "1000,5000,20000,50000",
        description = "Offered rates, one step each (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(
        names = "--step",
        paramLabel = "<seconds>",
        defaultValue = "20",
        description = "Seconds each rate is offered (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(
        names = "--warm-up",
        paramLabel = "<seconds>",
        defaultValue = "15",
        description = "Unmeasured seconds at the first rate (default: ${DEFAULT-VALUE}).")
    int warmUpSeconds;

    @Option(
        names = "--lake",
        paramLabel = "<dir>",
        defaultValue = "work/bench/speed",
        description = "Where the speed layer's checkpoints go (default: ${DEFAULT-VALUE}).")
    Path lake;

    @Override
    public Integer call() throws Exception {
      if (rates.stream().anyMatch(rate -> rate < 1) || stepSeconds < 1 || warmUpSeconds < 0) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot bench with --rates "
                + rates
                + " --step "
                + stepSeconds
                + " --warm-up "
                + warmUpSeconds
                + ": rates and step must be positive");
      }
      List<Quote> trades = new ArrayList<>();
      AtomicLong rejected = new AtomicLong();
      Quarantine counting = record -> rejected.incrementAndGet();
      for (String symbol : List.of("ibm", "spy", "bac")) {
        Path file = dataDirectory.resolve("lean/tick/20131007_" + symbol + "_Trade_Tick.csv");
        if (!Files.isRegularFile(file)) {
          throw new ParameterException(
              spec.commandLine(), "Cannot read " + file + ": not found (check --data-dir)");
        }
        try (RecordedReader<Quote> reader =
            RecordedSource.LEAN_TICK.openQuotes(
                file, Symbol.of(symbol.toUpperCase(java.util.Locale.ROOT)), counting)) {
          trades.addAll(reader.readAll());
        }
      }
      trades.sort(java.util.Comparator.comparing(Quote::eventTime));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%,d recorded trades as the template (%,d rows of the files rejected, not used)%n",
          trades.size(), rejected.get());
      new SpeedBenchmark(
              config.settings(),
              trades,
              rates,
              Duration.ofSeconds(stepSeconds),
              Duration.ofSeconds(warmUpSeconds),
              lake,
              line -> {
                out.println(line);
                out.flush();
              })
          .run();
      return 0;
    }
  }
}
