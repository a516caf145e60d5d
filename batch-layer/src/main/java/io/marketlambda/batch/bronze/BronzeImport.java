package io.marketlambda.batch.bronze;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.views.BarColumns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Loads history into the bronze tables ({@link BronzeColumns}), idempotently: rows are merged on
 * their lineage (source, file, line) with insert-only MERGE, so importing the same file twice
 * inserts nothing the second time, and bronze is never updated or deleted ({@code
 * delta.appendOnly}). Records arrive already parsed and validated (the ingest readers quarantine
 * bad rows); they are written in chunks of {@value #CHUNK_ROWS} rows, each one Delta commit.
 */
public final class BronzeImport {
  /** Rows per MERGE. */
  public static final int CHUNK_ROWS = 250_000;

  private final SparkSession spark;
  private final LakeLayout lake;
  private final Clock clock;
  private final Consumer<String> progress;

  /**
   * @param spark a session with Delta Lake configured
   * @param progress receives one line per chunk written
   */
  public BronzeImport(SparkSession spark, LakeLayout lake, Clock clock, Consumer<String> progress) {
    this.spark = spark;
    this.lake = lake;
    this.clock = clock;
    this.progress = progress;
  }

  /** A bar with where it came from. */
  public record LineageBar(Bar bar, String file, long line) {}

  /** A corporate action with where it came from. */
  public record LineageAction(CorporateAction action, String file, long line) {}

  /** What an import did. */
  public record Result(LakeTable table, String source, long offered, long inserted) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: %,d rows of %s offered, %,d inserted, %,d already there",
          table.qualifiedName(),
          offered,
          source,
          inserted,
          offered - inserted);
    }
  }

  /**
   * Imports bars of one source into {@code bronze.bars}.
   *
   * @param source the reader's code, e.g. {@code lean-daily}
   */
  public Result importBars(String source, Iterator<LineageBar> bars) {
    return importBars(source, sink -> bars.forEachRemaining(sink));
  }

  /**
   * Imports bars of one source into {@code bronze.bars}, as {@code reader} hands them to the sink
   * it is given: rows are merged every {@value #CHUNK_ROWS} bars and at the end, so a large history
   * is never held whole.
   *
   * @param source the reader's code, e.g. {@code lean-daily}
   * @param reader passes every bar to the sink, e.g. {@code sink -> file.forEach(sink)}
   */
  public Result importBars(String source, Consumer<Consumer<LineageBar>> reader) {
    Timestamp now = Timestamp.from(clock.instant());
    return merge(
        LakeTable.BRONZE_BARS,
        BronzeColumns.BARS,
        source,
        reader,
        (LineageBar lineage) -> {
          Object[] bar = BarColumns.values(lineage.bar());
          Object[] values = java.util.Arrays.copyOf(bar, bar.length + 4);
          values[bar.length] = source;
          values[bar.length + 1] = now;
          values[bar.length + 2] = lineage.file();
          values[bar.length + 3] = lineage.line();
          return RowFactory.create(values);
        });
  }

  /** A symbol's reference data with where it came from. */
  public record LineageSymbol(
      io.marketlambda.core.model.Symbol symbol,
      String name,
      String sector,
      String subIndustry,
      String file,
      long line) {}

  /**
   * Imports symbols' reference data (e.g. S&amp;P 500 constituents) into {@code bronze.symbols}.
   */
  public Result importSymbols(String source, Iterator<LineageSymbol> symbols) {
    Timestamp now = Timestamp.from(clock.instant());
    return merge(
        LakeTable.BRONZE_SYMBOLS,
        BronzeColumns.SYMBOLS,
        source,
        (Consumer<LineageSymbol> sink) -> symbols.forEachRemaining(sink),
        (LineageSymbol lineage) ->
            RowFactory.create(
                lineage.symbol().value(),
                lineage.name(),
                lineage.sector(),
                lineage.subIndustry(),
                source,
                now,
                lineage.file(),
                lineage.line()));
  }

  /** Imports corporate actions into {@code bronze.corporate_actions}. */
  public Result importCorporateActions(String source, Iterator<LineageAction> actions) {
    Timestamp now = Timestamp.from(clock.instant());
    return merge(
        LakeTable.BRONZE_CORPORATE_ACTIONS,
        BronzeColumns.CORPORATE_ACTIONS,
        source,
        (Consumer<LineageAction> sink) -> actions.forEachRemaining(sink),
        (LineageAction lineage) -> {
          CorporateAction action = lineage.action();
          return RowFactory.create(
              action.symbol().value(),
              Date.valueOf(action.exDate()),
              action.type().name().toLowerCase(Locale.ROOT),
              action.value(),
              action.source(),
              now,
              lineage.file(),
              lineage.line());
        });
  }

  private <T> Result merge(
      LakeTable table,
      StructType schema,
      String source,
      Consumer<Consumer<T>> reader,
      java.util.function.Function<T, Row> toRow) {
    // Hadoop's spelling (file:/x, not file:///x): Delta compares locations as strings.
    String path = new org.apache.hadoop.fs.Path(lake.table(table)).toString();
    DeltaTable delta = BronzeTables.createIfAbsent(spark, table, schema, path);
    long[] offeredAndInserted = new long[2];
    List<Row> chunk = new ArrayList<>(CHUNK_ROWS);
    reader.accept(
        record -> {
          chunk.add(toRow.apply(record));
          if (chunk.size() == CHUNK_ROWS) {
            offeredAndInserted[1] += mergeChunk(delta, table, schema, chunk);
            offeredAndInserted[0] += chunk.size();
            chunk.clear();
            progress(table, offeredAndInserted);
          }
        });
    if (!chunk.isEmpty()) {
      offeredAndInserted[1] += mergeChunk(delta, table, schema, chunk);
      offeredAndInserted[0] += chunk.size();
      progress(table, offeredAndInserted);
    }
    long offered = offeredAndInserted[0];
    long inserted = offeredAndInserted[1];
    return new Result(table, source, offered, inserted);
  }

  /** Merges one chunk; returns the rows it inserted. */
  private long mergeChunk(DeltaTable delta, LakeTable table, StructType schema, List<Row> chunk) {
    Dataset<Row> updates = spark.createDataFrame(chunk, schema);
    long before = delta.history(1).first().getLong(0);
    delta
        .as("bronze")
        .merge(
            updates.as("imported"),
            "bronze.source = imported.source"
                + " AND bronze.lineage_file = imported.lineage_file"
                + " AND bronze.lineage_line = imported.lineage_line")
        .whenNotMatched()
        .insertAll()
        .execute();
    // The MERGE's own metrics, rather than counting the table before and after. A MERGE that
    // inserts nothing commits nothing: then the latest commit is an older one.
    Row commit = delta.history(1).first();
    if (commit.getLong(0) == before) {
      return 0;
    }
    scala.collection.Map<String, String> metrics =
        commit.getMap(commit.fieldIndex("operationMetrics"));
    return Long.parseLong(metrics.get("numTargetRowsInserted").getOrElse(() -> "0"));
  }

  private void progress(LakeTable table, long[] offeredAndInserted) {
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s: %,d rows offered so far, %,d inserted",
            table.qualifiedName(),
            offeredAndInserted[0],
            offeredAndInserted[1]));
  }
}
