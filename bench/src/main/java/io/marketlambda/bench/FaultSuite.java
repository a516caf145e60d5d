package io.marketlambda.bench;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.HistoryImport;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.bench.batch.BatchFaultBench;
import io.marketlambda.bench.ingest.IngestFaultBench;
import io.marketlambda.bench.serving.ServingSwapFault;
import io.marketlambda.bench.speed.FaultBench;
import io.marketlambda.core.config.Durations;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The fault suite ({@code bench faults}): starts a local stack of its own (free ports, data in
 * {@code <work>/local-stack}) and runs the chosen faults against it: the speed layer's ({@link
 * FaultBench}, on IBM's recorded trades of 2013-10-07), the ingest faults ({@link
 * IngestFaultBench}), the serving-copy swap under load ({@link ServingSwapFault}) and the nightly
 * run's ({@link BatchFaultBench}), the last two on a lake in {@code <work>/lake} holding Lean's
 * daily bars of IBM, AAPL and SPY. Every row says what was injected and whether every record was
 * accounted for ({@link FaultRow}).
 */
public final class FaultSuite {
  private final Path data;
  private final Duration duration;
  private final Path work;
  private final Consumer<String> out;

  /**
   * The faults chosen, by group.
   *
   * @param ingest whether to run {@link IngestFaultBench#ID}
   * @param servingSwap whether to run {@link ServingSwapFault#ID}
   */
  public record Selection(
      List<FaultBench.Fault> speed,
      boolean ingest,
      boolean servingSwap,
      List<BatchFaultBench.Fault> batch) {
    /**
     * Parses fault ids such as {@code F0}, {@code f9}.
     *
     * @throws IllegalArgumentException naming the id and the known ones when one is unknown
     */
    public static Selection parse(List<String> ids) {
      List<FaultBench.Fault> speed = new ArrayList<>();
      List<BatchFaultBench.Fault> batch = new ArrayList<>();
      boolean ingest = false;
      boolean servingSwap = false;
      for (String name : ids) {
        String id = name.trim().toUpperCase(Locale.ROOT);
        if (Arrays.stream(FaultBench.Fault.values()).anyMatch(f -> f.name().equals(id))) {
          speed.add(FaultBench.Fault.valueOf(id));
        } else if (id.equals(IngestFaultBench.ID)) {
          ingest = true;
        } else if (id.equals(ServingSwapFault.ID)) {
          servingSwap = true;
        } else if (Arrays.stream(BatchFaultBench.Fault.values())
            .anyMatch(f -> f.name().equals(id))) {
          batch.add(BatchFaultBench.Fault.valueOf(id));
        } else {
          throw new IllegalArgumentException(
              "Cannot inject --faults "
                  + name
                  + ": not one of "
                  + Arrays.toString(FaultBench.Fault.values())
                  + ", "
                  + IngestFaultBench.ID
                  + ", "
                  + ServingSwapFault.ID
                  + " or "
                  + Arrays.toString(BatchFaultBench.Fault.values()));
        }
      }
      return new Selection(List.copyOf(speed), ingest, servingSwap, List.copyOf(batch));
    }
  }

  /**
   * @param data the shared market data ({@code lean/tick}, {@code lean/daily}, ...)
   * @param duration how long the paced faults take to offer the day's trades, at least 10 s
   * @param work the local stack's data and each fault's checkpoints and log, wiped first
   * @param out progress and the report, one line at a time
   * @throws IllegalArgumentException when {@code duration} is under 10 s or IBM's trades of
   *     2013-10-07 are not in {@code data}
   */
  public FaultSuite(Path data, Duration duration, Path work, Consumer<String> out) {
    if (duration.toSeconds() < 10) {
      throw new IllegalArgumentException(
          "Cannot offer the day in --duration "
              + Durations.format(duration)
              + ": give at least 10s");
    }
    if (!Files.isRegularFile(tradesFile(data))) {
      throw new IllegalArgumentException(
          "Cannot read " + tradesFile(data) + ": not found (check --data-dir)");
    }
    this.data = data;
    this.duration = duration;
    this.work = work;
    this.out = out;
  }

  /**
   * Runs the faults and prints one row per fault and the summary line.
   *
   * @return whether every fault passed
   */
  public boolean run(Selection selection) throws Exception {
    AtomicLong rejected = new AtomicLong();
    List<Quote> day;
    try (RecordedReader<Quote> reader =
        RecordedSource.LEAN_TICK.openQuotes(
            tradesFile(data), Symbol.of("IBM"), record -> rejected.incrementAndGet())) {
      day = reader.readAll();
    }
    out.accept(
        String.format(
            Locale.ROOT,
            "%,d recorded trades of IBM (%,d rows of the file rejected, not sent); starting a"
                + " local stack in %s",
            day.size(),
            rejected.get(),
            work));
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
      if (!selection.speed().isEmpty()) {
        rows.addAll(
            new FaultBench(
                    stack.endpoints().asProperties(), day, duration, work, stack::control, out)
                .run(selection.speed()));
      }
      if (selection.ingest()) {
        rows.add(
            new IngestFaultBench(data, stack.endpoints().asProperties(), stack::control, work, out)
                .run());
      }
      if (selection.servingSwap() || !selection.batch().isEmpty()) {
        rows.addAll(onTheFaultLake(selection, stack, day));
      }
      FaultReport.lines(rows).forEach(out);
      return rows.stream().allMatch(FaultRow::passed);
    }
  }

  private List<FaultRow> onTheFaultLake(
      Selection selection, LocalStackProcess stack, List<Quote> day) throws Exception {
    Path lake = work.resolve("lake").toAbsolutePath();
    Settings settings =
        Settings.empty()
            .withOverrides(
                Stream.concat(
                        Stream.of("lake.root=" + lake),
                        stack.endpoints().asProperties().entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue()))
                    .toList());
    SparkSession spark = BatchSession.getOrCreate("marketlambda-bench-faults", settings);
    importFaultLake(spark, settings);
    List<FaultRow> rows = new ArrayList<>();
    if (selection.servingSwap()) {
      rows.add(servingSwap(spark, settings));
    }
    if (!selection.batch().isEmpty()) {
      rows.addAll(
          new BatchFaultBench(
                  spark,
                  LakeConfig.from(settings).layout(),
                  LocalDate.of(2013, 10, 7),
                  settings.withPrefixStripped("kafka."),
                  day,
                  work,
                  out)
              .run(selection.batch()));
    }
    return rows;
  }

  /** A lake of the batch faults' own in {@code <work>/lake}, holding Lean's daily bars. */
  private void importFaultLake(SparkSession spark, Settings settings) throws IOException {
    Path lake = work.resolve("lake").toAbsolutePath();
    if (Files.exists(lake)) {
      try (Stream<Path> files = Files.walk(lake)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    out.accept("importing Lean's daily bars of IBM, AAPL and SPY into " + lake);
    try (QuarantineFile rejected = new QuarantineFile(work.resolve("quarantine.jsonl"))) {
      new HistoryImport(() -> spark, LakeConfig.from(settings).layout(), Clock.systemUTC(), out)
          .run(
              RecordedSource.LEAN_DAILY.code(),
              data.resolve("lean/daily"),
              List.of(Symbol.of("IBM"), Symbol.of("AAPL"), Symbol.of("SPY")),
              HistoryImport.FactorFiles.beside(),
              rejected);
      if (rejected.count() > 0) {
        out.accept(
            String.format(
                Locale.ROOT, "%,d rejected rows kept in %s", rejected.count(), rejected.file()));
      }
    }
  }

  /**
   * F8: a run of 2013-09-30 exported to the serving copy (in an HBase namespace of its own), then a
   * run of 2013-10-04 exported while the API is read.
   */
  private FaultRow servingSwap(SparkSession spark, Settings lake) throws Exception {
    Settings settings =
        lake.withOverrides(
            List.of(
                "batch.serving-copy=true",
                "batch.optimize=false",
                "batch.vacuum-retention=0s",
                "realtime.hbase-namespace=faults"));
    BatchConfig config = BatchConfig.from(settings);
    out.accept(ServingSwapFault.ID + ": " + ServingSwapFault.DESCRIPTION + " ...");
    new BatchJob(spark, config, Clock.systemUTC(), line -> {})
        .run(LocalDate.of(2013, 9, 30), OptionalLong.empty());
    FaultRow row =
        new ServingSwapFault(settings, Symbol.of("IBM"), work, line -> out.accept("  " + line))
            .run(
                () ->
                    new BatchJob(spark, config, Clock.systemUTC(), line -> {})
                        .run(LocalDate.of(2013, 10, 4), OptionalLong.empty()));
    out.accept(FaultReport.summary(row));
    return row;
  }

  private static Path tradesFile(Path data) {
    return data.resolve("lean/tick/20131007_ibm_Trade_Tick.csv");
  }
}
