package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bench.BatchBenchmark;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.bench.IngestBenchmark;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.quarantine.Quarantine;
import io.marketlambda.ingest.recorded.RecordedReader;
import io.marketlambda.ingest.recorded.RecordedSource;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.speed.bench.FaultBench;
import io.marketlambda.speed.bench.SpeedBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
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
    header = "Benchmarks; each figure is printed next to a bare baseline measured in the same run.",
    subcommands = {
      BenchCommand.Ingest.class,
      BenchCommand.Speed.class,
      BenchCommand.Batch.class,
      BenchCommand.Serving.class,
      BenchCommand.Faults.class
    })
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
      header = "Parse and publish rates of ingest, beside plain Jackson and a raw KafkaProducer.",
      description = {
        "Parse rate of each recorded-file reader against a plain Jackson parse of the same file,",
        "and publish rate of the Kafka sink against a raw KafkaProducer loop on the same broker.",
        "Needs a running broker: start bin/marketlambda local-stack first."
      })
  static final class Ingest implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Mixin DataDirOption data;

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
  static final class Speed implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Mixin DataDirOption data;

    @Option(
        names = "--rates",
        paramLabel = "<quotes/s>",
        split = ",",
        defaultValue = "1000,5000,10000,20000,40000",
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
        Path file = data.directory.resolve("lean/tick/20131007_" + symbol + "_Trade_Tick.csv");
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
              baseline,
              line -> {
                out.println(line);
                out.flush();
              })
          .run();
      return 0;
    }
  }

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
  static final class Serving implements Callable<Integer> {
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
        paramLabel = "<seconds>",
        defaultValue = "10",
        description =
            "Seconds each rate is offered per request and path (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Override
    public Integer call() throws Exception {
      if (rates.stream().anyMatch(rate -> rate < 1) || stepSeconds < 1) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot bench with --rates "
                + rates
                + " --step "
                + stepSeconds
                + ": both must be positive");
      }
      PrintWriter out = spec.commandLine().getOut();
      new io.marketlambda.serving.bench.ServingBenchmark(
              config.settings(),
              QueryCommand.symbol(spec, symbol),
              rates,
              Duration.ofSeconds(stepSeconds),
              Path.of("work", "bench", "serving"),
              line -> {
                out.println(line);
                out.flush();
              })
          .run();
      return 0;
    }
  }

  /** {@code marketlambda bench batch}. */
  @Command(
      name = "batch",
      mixinStandardHelpOptions = true,
      header = "Time of the nightly recompute into Delta, beside plain Parquet and a no-op sink.",
      description = {
        "Times the full recompute of the Stooq daily set (96 symbols, 20+ years) and of a scaled",
        "copy (the same bars under more symbols) into Delta, as the product runs it, next to the",
        "same job writing Parquet and writing to Spark's no-op sink, all in one run.",
        "Imports the Stooq set into the benchmark's own lake first when it is not there."
      })
  static final class Batch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Mixin DataDirOption data;

    @Option(
        names = "--symbols",
        paramLabel = "<n>",
        defaultValue = "500",
        description = "Symbols of the scaled set (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(
        names = "--work",
        paramLabel = "<dir>",
        defaultValue = "work/bench/batch",
        description = "The benchmark's lakes and Parquet output (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(
        names = "--run-date",
        paramLabel = "<yyyy-mm-dd>",
        defaultValue = "2026-11-20",
        description = "The run date of every recompute (default: ${DEFAULT-VALUE}).")
    String runDate;

    @Override
    public Integer call() {
      Path stooq = data.directory.resolve("stooq-daily-us");
      if (!Files.isDirectory(stooq)) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read " + stooq + ": not found (check --data-dir)");
      }
      if (symbols < 1) {
        throw new ParameterException(spec.commandLine(), "Cannot bench with --symbols " + symbols);
      }
      LocalDate date;
      try {
        date = LocalDate.parse(runDate);
      } catch (DateTimeException e) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --run-date '" + runDate + "': expected yyyy-mm-dd");
      }
      Path base = work.resolve("lake-stooq").toAbsolutePath();
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = config.settings().withOverrides(List.of("lake.root=" + base));
      SparkSession spark = BatchSession.getOrCreate("marketlambda-bench-batch", settings);
      LakeLayout lake = LakeConfig.from(settings).layout();
      if (!BatchBenchmark.hasBronze(spark, lake)) {
        out.println("importing " + stooq + " into " + base);
        int exit =
            MarketLambdaApplication.commandLine()
                .execute(
                    "import",
                    "--source",
                    "stooq-daily",
                    "--path",
                    stooq.toString(),
                    "--quarantine",
                    work.resolve("quarantine.jsonl").toString(),
                    "--conf",
                    "lake.root=" + base);
        if (exit != 0) {
          return exit;
        }
      }
      new BatchBenchmark(
              spark,
              lake,
              work.toAbsolutePath().toUri().toString(),
              symbols,
              date,
              line -> {
                out.println(line);
                out.flush();
              })
          .run();
      return 0;
    }
  }

  /** {@code marketlambda bench faults}. */
  @Command(
      name = "faults",
      mixinStandardHelpOptions = true,
      header = "The speed layer's fault suite: faults injected, every record accounted for.",
      description = {
        "Starts a local stack of its own (free ports, data in <work>/local-stack) and, for each",
        "fault, sends IBM's recorded trades of 2013-10-07 through new topics to the speed layer",
        "in a child JVM, injects the fault and accounts for every record Kafka acknowledged:",
        "trades lost or counted twice in the 1-minute bars, bad records dead-lettered with field",
        "and reason, late quotes routed to the late topic, seconds to recover after an outage.",
        "",
        "  F0  no fault: the reference run (drained: records/s)",
        "  F1  SIGKILL of the speed JVM mid-micro-batch, 3 times",
        "  F2  HBase region server stopped for 20 s under load",
        "  F3  Kafka broker stopped for 20 s under load",
        "  F4  10,000 poison records mixed in (drained: records/s within 10 %% of F0)",
        "  F5  duplicates and out-of-order delivery",
        "  F6  quotes 1 hour and 1 day late",
        "",
        "Prints one row per fault and 'faults: N injected, lost L, duplicated D'; exits 1 when a",
        "fault failed. The speed layer's log of each fault is <work>/<fault>/speed.log."
      })
  static final class Faults implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Option(
        names = "--faults",
        paramLabel = "<F>",
        split = ",",
        defaultValue = "F0,F1,F2,F3,F4,F5,F6",
        description = "Faults to inject, in order (default: ${DEFAULT-VALUE}).")
    List<String> faults;

    @Option(
        names = "--duration",
        paramLabel = "<seconds>",
        defaultValue = "60",
        description =
            "Seconds over which the paced faults (F1, F2, F3, F5, F6) offer the day's trades"
                + " (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(
        names = "--work",
        paramLabel = "<dir>",
        defaultValue = "work/bench/faults",
        description =
            "The local stack's data and each fault's checkpoints and log, wiped first"
                + " (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
      List<FaultBench.Fault> selected = new ArrayList<>();
      for (String name : faults) {
        try {
          selected.add(FaultBench.Fault.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(
              spec.commandLine(),
              "Cannot inject --faults "
                  + name
                  + ": not one of "
                  + java.util.Arrays.toString(FaultBench.Fault.values()));
        }
      }
      if (durationSeconds < 10) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot offer the day in --duration " + durationSeconds + ": give at least 10 s");
      }
      Path file = data.directory.resolve("lean/tick/20131007_ibm_Trade_Tick.csv");
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read " + file + ": not found (check --data-dir)");
      }
      AtomicLong rejected = new AtomicLong();
      List<Quote> day;
      try (RecordedReader<Quote> reader =
          RecordedSource.LEAN_TICK.openQuotes(
              file, Symbol.of("IBM"), record -> rejected.incrementAndGet())) {
        day = reader.readAll();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%,d recorded trades of IBM (%,d rows of the file rejected, not sent); starting a local"
              + " stack in %s%n",
          day.size(), rejected.get(), work);
      out.flush();
      try (LocalStackProcess stack =
          LocalStackProcess.start(
              new LocalStackOptions(
                  work.resolve("local-stack"),
                  true,
                  0,
                  0,
                  0,
                  Optional.of(work.resolve("local-stack.log")),
                  "1g",
                  Duration.ofMinutes(3)))) {
        List<FaultBench.Row> rows =
            new FaultBench(
                    stack.endpoints().asProperties(),
                    day,
                    Duration.ofSeconds(durationSeconds),
                    work,
                    stack::control,
                    line -> {
                      out.println(line);
                      out.flush();
                    })
                .run(selected);
        return rows.stream().allMatch(FaultBench.Row::passed) ? 0 : 1;
      }
    }
  }

  /** {@code --data-dir}, which every benchmark reads its recorded data from. */
  static final class DataDirOption {
    @Option(
        names = "--data-dir",
        paramLabel = "<dir>",
        defaultValue = "../shared/data",
        description = "The shared market data (default: ${DEFAULT-VALUE}).")
    Path directory;
  }
}
