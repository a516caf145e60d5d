package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.delta.tables.DeltaTable;
import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.batch.gold.GoldViews;
import io.marketlambda.batch.serving.ServingCopyExport;
import io.marketlambda.batch.silver.SilverColumns;
import io.marketlambda.batch.silver.SilverDailyBars;
import io.marketlambda.batch.silver.SilverQuotes;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.views.BarColumns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The nightly recompute: every silver and gold table, from the bronze master data set, up to a run
 * date.
 *
 * <ol>
 *   <li>reads {@code bronze.bars} and {@code bronze.corporate_actions} (their latest versions, or
 *       with {@code asOfVersion} the bars table at that Delta version and the actions as of its
 *       commit time, to reproduce a past run);
 *   <li>when {@code bronze.quotes} exists, parses the landed quotes ({@link SilverQuotes}):
 *       rejected records to {@code <lake.root>/quarantine/quotes}, the trades as one-minute bars to
 *       {@code silver.bars_intraday} (raw prices), which join the intraday bars of {@code
 *       bronze.bars};
 *   <li>computes {@code silver.bars_daily} once ({@link SilverDailyBars}, one sorted pass per
 *       symbol), keeps it in memory (spilling to disk) and writes it;
 *   <li>writes the gold views ({@link GoldViews}) from the kept rows: daily bars (a projection),
 *       daily indicators (one pass per symbol over the same layout), weekly and monthly bars, top
 *       movers, volatility leaders, sector summary;
 *   <li>writes each table clustered by symbol (by trading date for the per-date views): range
 *       partitioned and sorted, so Delta's file statistics skip files for a symbol's or a date's
 *       query; maintenance only where due ({@link LakeMaintenance}): OPTIMIZE of a table left with
 *       more than {@link LakeMaintenance#OPTIMIZE_MIN_FILES} files, VACUUM of files unreferenced
 *       for {@code batch.vacuum-retention} once every {@code batch.vacuum-interval};
 *   <li>appends the run record to {@code batch_runs} ({@link BatchRunColumns}): table versions, row
 *       counts, and the batch watermark per symbol.
 * </ol>
 *
 * <p>Each table is replaced in one Delta commit, so a reader of one table sees the previous or the
 * new view, never a mix; the run record comes last, so readers that pin the versions of the last
 * run record (the serving layer does) see one consistent run even while the next one is writing, or
 * after it was killed midway. Every table is a function of bronze and the run date: a rerun writes
 * the same rows. Gold tables have the change data feed on. One run at a time writes to a lake
 * ({@link BatchRunLock}); a run started while another is under way fails at once, naming it.
 */
public final class BatchJob {
  /** The gold tables a run writes, in order. */
  public static final List<LakeTable> GOLD =
      List.of(
          LakeTable.GOLD_BARS_DAILY,
          LakeTable.GOLD_BARS_WEEKLY,
          LakeTable.GOLD_BARS_MONTHLY,
          LakeTable.GOLD_INDICATORS_DAILY,
          LakeTable.GOLD_TOP_MOVERS,
          LakeTable.GOLD_VOLATILITY_LEADERS);

  /**
   * The Spark local property naming the step of a run each Spark job belongs to (a table's
   * qualified name for its computation and write, {@code maintenance}, {@code run-record}, {@code
   * serving-copy}): a listener attributes stage metrics to steps by it ({@code bench batch}).
   */
  public static final String STEP_PROPERTY = "marketlambda.batch.step";

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final BatchConfig config;
  private final LakeLayout lake;
  private final Clock clock;
  private final Consumer<String> progress;
  private final ViewSink sink;

  /** Files each table written by this run holds, by qualified name. */
  private final Map<String, Long> files = new LinkedHashMap<>();

  public BatchJob(SparkSession spark, BatchConfig config, Clock clock, Consumer<String> progress) {
    this(spark, config, clock, progress, ViewSink.delta(spark, config.lake().layout()));
  }

  /**
   * A job writing to another sink than the lake's Delta tables (for {@code bench batch}): without
   * Delta there is no maintenance and no run record.
   */
  public BatchJob(
      SparkSession spark,
      BatchConfig config,
      Clock clock,
      Consumer<String> progress,
      ViewSink sink) {
    this.sink = sink;
    this.spark = spark;
    this.config = config;
    this.lake = config.lake().layout();
    this.clock = clock;
    this.progress = progress;
  }

  /** What a run wrote. */
  public record Run(
      String runId,
      LocalDate runDate,
      Map<String, Long> bronzeVersions,
      Map<String, Long> tableVersions,
      Map<String, Long> rowCounts,
      Map<String, Instant> watermarks,
      Duration took,
      Map<String, Long> kafkaOffsetsWithoutRecord) {}

  /**
   * Recomputes every view up to {@code runDate}.
   *
   * @param asOfVersion the {@code bronze.bars} version to read, or empty for the latest
   * @throws IllegalStateException when {@code bronze.bars} does not exist yet (nothing imported),
   *     naming the path and the import command
   * @throws BatchRunLockedException when another run on the lake is under way ({@link
   *     BatchRunLock}); a run that lost its lock midway throws {@link IllegalStateException} before
   *     it commits its run record
   */
  public Run run(LocalDate runDate, OptionalLong asOfVersion) {
    Instant started = clock.instant();
    String runId = runDate + "-" + RUN_ID.format(started);
    try {
      return lockedRun(runId, started, runDate, asOfVersion);
    } finally {
      step(null);
    }
  }

  private Run lockedRun(
      String runId, Instant started, LocalDate runDate, OptionalLong asOfVersion) {
    if (!sink.isDelta()) {
      return run(runId, started, runDate, asOfVersion, Optional.empty());
    }
    try (BatchRunLock lock =
        BatchRunLock.acquire(
            lake.lock(BatchRunLock.NAME),
            spark.sparkContext().hadoopConfiguration(),
            runId,
            config.lockTimeout(),
            clock,
            progress)) {
      return run(runId, started, runDate, asOfVersion, Optional.of(lock));
    }
  }

  private Run run(
      String runId,
      Instant started,
      LocalDate runDate,
      OptionalLong asOfVersion,
      Optional<BatchRunLock> lock) {
    progress.accept("batch run " + runId + ": reading bronze from " + lake.root());
    BronzeSnapshot bronze = BronzeSnapshot.read(spark, lake, asOfVersion);
    Map<String, Long> bronzeVersions = bronze.versions();
    Dataset<Row> bronzeBars = bronze.bars();

    Map<String, Long> tableVersions = new LinkedHashMap<>();
    Map<String, Long> rowCounts = new LinkedHashMap<>();
    Map<String, Long> offsetsWithoutRecord = new TreeMap<>();
    if (bronze.landedQuotes().isPresent()) {
      Dataset<Row> quotes = bronze.landedQuotes().get();
      offsetsWithoutRecord = QuoteLanding.offsetsWithoutRecord(quotes);
      warnOfOffsetsWithoutRecord(offsetsWithoutRecord);
      writeIntradayBars(quotes, runDate, tableVersions, rowCounts);
      bronzeBars = bronzeBars.unionByName(read(LakeTable.SILVER_BARS_INTRADAY));
    }
    // Silver is computed once, kept (memory, then disk) and written; the gold views that are per
    // symbol derive from the kept rows, already clustered by symbol, without another shuffle.
    step(LakeTable.SILVER_BARS_DAILY.qualifiedName()); // build() collects the actions at once
    Dataset<Row> silver =
        SilverDailyBars.build(bronzeBars, bronze.actions(), runDate)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Instant> watermarks;
    try {
      writeLaidOut(LakeTable.SILVER_BARS_DAILY, silver, tableVersions, rowCounts);
      watermarks = writeGold(silver, tableVersions, rowCounts);
    } finally {
      silver.unpersist();
    }
    Optional<Instant> vacuumed = Optional.empty();
    if (sink.isDelta()) {
      lock.ifPresent(BatchRunLock::requireHeld); // no OPTIMIZE or VACUUM by a run that lost it
      step("maintenance");
      vacuumed =
          new LakeMaintenance(spark, config, lake, clock, progress).run(tableVersions, files);
    }
    Instant finished = clock.instant();
    if (sink.isDelta()) {
      lock.ifPresent(BatchRunLock::requireHeld);
      step("run-record");
      appendRunRecord(
          runId,
          runDate,
          started,
          finished,
          bronzeVersions,
          tableVersions,
          rowCounts,
          watermarks,
          offsetsWithoutRecord,
          vacuumed);
      if (config.servingCopy()) {
        lock.ifPresent(BatchRunLock::requireHeld);
        step("serving-copy");
        exportServingCopy(runId, runDate, watermarks);
      }
    }
    Run run =
        new Run(
            runId,
            runDate,
            bronzeVersions,
            tableVersions,
            rowCounts,
            watermarks,
            Duration.between(started, finished),
            offsetsWithoutRecord);
    progress.accept(
        String.format(
            Locale.ROOT,
            "batch run %s done in %.1f s: %,d symbols, rows %s",
            runId,
            run.took().toMillis() / 1000.0,
            watermarks.size(),
            rowCounts));
    return run;
  }

  /** The gold views this run wrote into the HBase serving copy, then the pointer to it. */
  private void exportServingCopy(String runId, LocalDate runDate, Map<String, Instant> watermarks) {
    new ServingCopyExport(
            spark,
            config.hbase(),
            config.views(),
            new org.apache.hadoop.fs.Path(lake.staging("hfiles")).toString(),
            clock,
            progress)
        .export(
            runId,
            runDate,
            read(LakeTable.GOLD_BARS_DAILY),
            read(LakeTable.GOLD_BARS_WEEKLY),
            read(LakeTable.GOLD_BARS_MONTHLY),
            read(LakeTable.GOLD_INDICATORS_DAILY),
            watermarks);
  }

  private void warnOfOffsetsWithoutRecord(Map<String, Long> offsetsWithoutRecord) {
    long missing = offsetsWithoutRecord.values().stream().mapToLong(Long::longValue).sum();
    if (missing > 0) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "WARNING: bronze.quotes lacks %,d Kafka offsets between the first and last it"
                  + " landed (per partition: %s): removed by retention before they were landed",
              missing,
              offsetsWithoutRecord));
    }
  }

  /** {@code silver.bars_intraday} from the landed quotes; the rejected ones to the quarantine. */
  private void writeIntradayBars(
      Dataset<Row> quotes,
      LocalDate runDate,
      Map<String, Long> tableVersions,
      Map<String, Long> rowCounts) {
    Dataset<Row> decoded = SilverQuotes.decode(quotes, config.maxEventTimeAhead().toMillis());
    quarantine(SilverQuotes.rejected(decoded), rowCounts);
    Dataset<Row> minutes =
        SilverQuotes.minuteBars(
            SilverQuotes.trades(decoded), quotes, runDate, config.saleConditions());
    write(LakeTable.SILVER_BARS_INTRADAY, minutes, tableVersions, rowCounts);
  }

  /**
   * Every gold table from the silver rows as written (kept in memory, clustered by symbol).
   *
   * @return the batch watermark of each symbol ({@link #watermarks})
   */
  private Map<String, Instant> writeGold(
      Dataset<Row> silver, Map<String, Long> tableVersions, Map<String, Long> rowCounts) {
    Dataset<Row> goldDaily = GoldViews.dailyBars(silver); // a projection: still clustered
    writeLaidOut(LakeTable.GOLD_BARS_DAILY, goldDaily, tableVersions, rowCounts);
    write(
        LakeTable.GOLD_BARS_WEEKLY,
        GoldViews.rolledUp(goldDaily, BarInterval.ONE_WEEK),
        tableVersions,
        rowCounts);
    write(
        LakeTable.GOLD_BARS_MONTHLY,
        GoldViews.rolledUp(goldDaily, BarInterval.ONE_MONTH),
        tableVersions,
        rowCounts);
    // One pass per symbol over its clustered bars: the output keeps their layout.
    // The day's volume rides along for the rankings, which then need no join.
    Dataset<Row> indicators =
        GoldViews.indicatorsWithVolume(goldDaily).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      writeLaidOut(
          LakeTable.GOLD_INDICATORS_DAILY,
          GoldViews.withoutVolume(indicators),
          tableVersions,
          rowCounts);
      write(
          LakeTable.GOLD_TOP_MOVERS,
          GoldViews.topMovers(indicators, config.movers()),
          tableVersions,
          rowCounts);
      write(
          LakeTable.GOLD_VOLATILITY_LEADERS,
          GoldViews.volatilityLeaders(indicators, config.movers()),
          tableVersions,
          rowCounts);
      String symbolsPath = lake.table(LakeTable.BRONZE_SYMBOLS).toString();
      if (DeltaTable.isDeltaTable(spark, symbolsPath)) {
        write(
            LakeTable.GOLD_SECTOR_SUMMARY,
            GoldViews.sectorSummary(indicators, spark.read().format("delta").load(symbolsPath)),
            tableVersions,
            rowCounts);
      } else {
        progress.accept(
            "  no bronze.symbols: no gold.sector_summary (marketlambda import --source"
                + " sp500-constituents --path ...)");
      }
    } finally {
      indicators.unpersist();
    }
    step("watermarks");
    return watermarks(goldDaily);
  }

  /** The landed quotes the codec rejected, into {@code <lake.root>/quarantine/quotes} (Delta). */
  private void quarantine(Dataset<Row> rejected, Map<String, Long> counts) {
    if (!sink.isDelta()) {
      return;
    }
    String path = lake.quarantine(SilverQuotes.SOURCE).toString();
    rejected.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
    long count = spark.read().format("delta").load(path).count();
    counts.put("quarantine.quotes", count);
    progress.accept(String.format(Locale.ROOT, "  %-26s %,10d rows", "quarantine.quotes", count));
  }

  /** Writes {@code rows}, clustering them by the table's key first ({@link ViewSink#clustered}). */
  private void write(
      LakeTable table, Dataset<Row> rows, Map<String, Long> versions, Map<String, Long> counts) {
    writeLaidOut(table, ViewSink.clustered(table, rows), versions, counts);
  }

  /** Writes {@code rows}, already partitioned and sorted by the table's cluster key. */
  private void writeLaidOut(
      LakeTable table, Dataset<Row> rows, Map<String, Long> versions, Map<String, Long> counts) {
    step(table.qualifiedName());
    long startedNanos = System.nanoTime();
    ViewSink.Written written = sink.write(table, rows);
    versions.put(table.qualifiedName(), written.version());
    counts.put(table.qualifiedName(), written.rows());
    files.put(table.qualifiedName(), written.files());
    progress.accept(
        String.format(
            Locale.ROOT,
            "  %-26s %,10d rows in %5.1f s",
            table.qualifiedName(),
            written.rows(),
            (System.nanoTime() - startedNanos) / 1e9));
  }

  /**
   * Tags the Spark jobs this thread starts from now on with {@code name} ({@link #STEP_PROPERTY}).
   */
  private void step(String name) {
    spark.sparkContext().setLocalProperty(STEP_PROPERTY, name);
  }

  /** Per symbol, New York midnight after its last trading date: its last daily bar's end. */
  private Map<String, Instant> watermarks(Dataset<Row> goldDaily) {
    Map<String, Instant> watermarks = new TreeMap<>();
    for (Row row :
        goldDaily
            .groupBy(BarColumns.SYMBOL)
            .agg(max(col(SilverColumns.TRADING_DATE)).as("last"))
            .collectAsList()) {
      LocalDate last = row.<Date>getAs("last").toLocalDate();
      watermarks.put(row.getString(0), MarketTime.startOf(last.plusDays(1)));
    }
    return watermarks;
  }

  private void appendRunRecord(
      String runId,
      LocalDate runDate,
      Instant started,
      Instant finished,
      Map<String, Long> bronzeVersions,
      Map<String, Long> tableVersions,
      Map<String, Long> rowCounts,
      Map<String, Instant> watermarks,
      Map<String, Long> offsetsWithoutRecord,
      Optional<Instant> vacuumed) {
    Map<String, Timestamp> stamps = new TreeMap<>();
    watermarks.forEach((symbol, instant) -> stamps.put(symbol, Timestamp.from(instant)));
    Row record =
        RowFactory.create(
            runId,
            Date.valueOf(runDate),
            Timestamp.from(started),
            Timestamp.from(finished),
            bronzeVersions,
            tableVersions,
            rowCounts,
            stamps,
            offsetsWithoutRecord,
            vacuumed.map(Timestamp::from).orElse(null));
    spark
        .createDataFrame(List.of(record), BatchRunColumns.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .option("mergeSchema", "true") // batch_runs of earlier versions lack the newer columns
        .save(lake.batchRuns().toString());
  }

  private Dataset<Row> read(LakeTable table) {
    return sink.read(table);
  }
}
