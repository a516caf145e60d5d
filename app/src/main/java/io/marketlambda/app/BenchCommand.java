package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.bench.FaultReport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.bench.batch.BatchBenchmark;
import io.marketlambda.bench.batch.BatchFaultBench;
import io.marketlambda.bench.ingest.IngestBenchmark;
import io.marketlambda.bench.ingest.IngestFaultBench;
import io.marketlambda.bench.serving.ServingSwapFault;
import io.marketlambda.bench.speed.FaultBench;
import io.marketlambda.bench.speed.SpeedBenchmark;
import io.marketlambda.core.config.Durations;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
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
              step,
              warmUp,
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
      new io.marketlambda.bench.serving.ServingBenchmark(
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
      header = "The fault suite: faults injected, every record accounted for.",
      description = {
        "Starts a local stack of its own (free ports, data in <work>/local-stack). For each speed",
        "layer fault it sends IBM's recorded trades of 2013-10-07 through new topics to the speed",
        "layer in a child JVM, injects the fault and accounts for every record Kafka acknowledged:",
        "trades lost or counted twice in the 1-minute bars, bad records dead-lettered with field",
        "and reason, late quotes routed to the late topic, seconds to recover after an outage.",
        "The batch faults run on a lake in <work>/lake holding Lean's daily bars of IBM, AAPL and",
        "SPY, against a clean run of the same lake.",
        "",
        "  F0   no fault: the reference run (drained: records/s)",
        "  F1   SIGKILL of the speed JVM mid-micro-batch, 3 times",
        "  F2   HBase region server stopped for 20 s under load",
        "  F3   Kafka broker stopped for 20 s under load",
        "  F4   10,000 poison records mixed in (drained: records/s within 10 %% of F0)",
        "  F5   duplicates and out-of-order delivery",
        "  F6   quotes 1 hour and 1 day late",
        "  F7   Alpha Vantage 500, rate-limit and quota bodies, a stalled body, a CSV cut at a",
        "       line boundary, Kafka down while ingesting (recorded responses, bars accounted)",
        "  F8   serving copy swapped while the HTTP API is read at load",
        "  F9   nightly run killed with SIGKILL midway then rerun; two runs started at once",
        "  F12  Kafka retention removing quotes before land read them",
        "",
        "Prints one row per fault and 'faults: N injected, lost L, duplicated D'; exits 1 when a",
        "fault failed. The speed layer's log of each fault is <work>/<fault>/speed.log, the killed",
        "nightly run's <work>/F9-killed-run.log."
      })
  static final class Faults implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Option(
        names = "--faults",
        paramLabel = "<F>",
        split = ",",
        defaultValue = "F0,F1,F2,F3,F4,F5,F6,F7,F8,F9,F12",
        description = "Faults to inject, in order (default: ${DEFAULT-VALUE}).")
    List<String> faults;

    @Option(
        names = "--duration",
        paramLabel = "<duration>",
        defaultValue = "60s",
        description =
            "How long the paced faults (F1, F2, F3, F5, F6) take to offer the day's trades"
                + " (default: ${DEFAULT-VALUE}).")
    Duration duration;

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
      List<FaultBench.Fault> speedFaults = new ArrayList<>();
      List<BatchFaultBench.Fault> batchFaults = new ArrayList<>();
      boolean servingSwap = false;
      boolean ingestFaults = false;
      for (String name : faults) {
        String id = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (java.util.Arrays.stream(FaultBench.Fault.values()).anyMatch(f -> f.name().equals(id))) {
          speedFaults.add(FaultBench.Fault.valueOf(id));
        } else if (id.equals(IngestFaultBench.ID)) {
          ingestFaults = true;
        } else if (id.equals(ServingSwapFault.ID)) {
          servingSwap = true;
        } else if (java.util.Arrays.stream(BatchFaultBench.Fault.values())
            .anyMatch(f -> f.name().equals(id))) {
          batchFaults.add(BatchFaultBench.Fault.valueOf(id));
        } else {
          throw new ParameterException(
              spec.commandLine(),
              "Cannot inject --faults "
                  + name
                  + ": not one of "
                  + java.util.Arrays.toString(FaultBench.Fault.values())
                  + ", "
                  + IngestFaultBench.ID
                  + ", "
                  + ServingSwapFault.ID
                  + " or "
                  + java.util.Arrays.toString(BatchFaultBench.Fault.values()));
        }
      }
      if (duration.toSeconds() < 10) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot offer the day in --duration "
                + Durations.format(duration)
                + ": give at least 10s");
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
        List<FaultRow> rows = new ArrayList<>();
        if (!speedFaults.isEmpty()) {
          rows.addAll(
              new FaultBench(
                      stack.endpoints().asProperties(),
                      day,
                      duration,
                      work,
                      stack::control,
                      line -> {
                        out.println(line);
                        out.flush();
                      })
                  .run(speedFaults));
        }
        if (ingestFaults) {
          rows.add(
              new IngestFaultBench(
                      data.directory,
                      stack.endpoints().asProperties(),
                      stack::control,
                      work,
                      line -> {
                        out.println(line);
                        out.flush();
                      })
                  .run());
        }
        if (servingSwap || !batchFaults.isEmpty()) {
          Path lake = importFaultLake(out);
          Settings settings =
              Settings.empty()
                  .withOverrides(
                      java.util.stream.Stream.concat(
                              Stream.of("lake.root=" + lake),
                              stack.endpoints().asProperties().entrySet().stream()
                                  .map(entry -> entry.getKey() + "=" + entry.getValue()))
                          .toList());
          SparkSession spark = BatchSession.getOrCreate("marketlambda-bench-faults", settings);
          if (servingSwap) {
            rows.add(servingSwap(spark, settings, out));
          }
          if (!batchFaults.isEmpty()) {
            rows.addAll(batchFaults(batchFaults, spark, settings, day, out));
          }
        }
        FaultReport.lines(rows).forEach(out::println);
        out.flush();
        return rows.stream().allMatch(FaultRow::passed) ? 0 : 1;
      }
    }

    /** A lake of the batch faults' own in {@code <work>/lake}, holding Lean's daily bars. */
    private Path importFaultLake(PrintWriter out) throws java.io.IOException {
      Path lakeDirectory = work.resolve("lake").toAbsolutePath();
      if (Files.exists(lakeDirectory)) {
        try (Stream<Path> files = Files.walk(lakeDirectory)) {
          for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      out.println("importing Lean's daily bars of IBM, AAPL and SPY into " + lakeDirectory);
      out.flush();
      int exit =
          MarketLambdaApplication.commandLine()
              .execute(
                  "import",
                  "--source",
                  "lean-daily",
                  "--path",
                  data.directory.resolve("lean/daily").toString(),
                  "--symbols",
                  "IBM,AAPL,SPY",
                  "--quarantine",
                  work.resolve("quarantine.jsonl").toString(),
                  "--conf",
                  "lake.root=" + lakeDirectory);
      if (exit != 0) {
        throw new IllegalStateException(
            "Cannot run the batch faults: the import of Lean's daily bars exited " + exit);
      }
      return lakeDirectory;
    }

    /**
     * F8: a run of 2013-09-30 exported to the serving copy (in an HBase namespace of its own), then
     * a run of 2013-10-04 exported while the API is read.
     */
    private FaultRow servingSwap(SparkSession spark, Settings lake, PrintWriter out)
        throws Exception {
      Settings settings =
          lake.withOverrides(
              List.of(
                  "batch.serving-copy=true",
                  "batch.optimize=false",
                  "batch.vacuum-retention=0s",
                  "realtime.hbase-namespace=faults"));
      Consumer<String> progress =
          line -> {
            out.println("  " + line);
            out.flush();
          };
      BatchConfig config = BatchConfig.from(settings);
      out.println(ServingSwapFault.ID + ": " + ServingSwapFault.DESCRIPTION + " ...");
      new BatchJob(spark, config, java.time.Clock.systemUTC(), line -> {})
          .run(LocalDate.of(2013, 9, 30), java.util.OptionalLong.empty());
      FaultRow row =
          new ServingSwapFault(settings, Symbol.of("IBM"), work, progress)
              .run(
                  () ->
                      new BatchJob(spark, config, java.time.Clock.systemUTC(), line -> {})
                          .run(LocalDate.of(2013, 10, 4), java.util.OptionalLong.empty()));
      out.println(FaultReport.summary(row));
      return row;
    }

    /** F9 and F12 on the faults' lake. */
    private List<FaultRow> batchFaults(
        List<BatchFaultBench.Fault> selected,
        SparkSession spark,
        Settings settings,
        List<Quote> day,
        PrintWriter out)
        throws Exception {
      java.util.Map<String, String> kafka = settings.withPrefixStripped("kafka.");
      return new BatchFaultBench(
              spark,
              LakeConfig.from(settings).layout(),
              LocalDate.of(2013, 10, 7),
              kafka,
              day,
              work,
              line -> {
                out.println(line);
                out.flush();
              })
          .run(selected);
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
