package io.marketlambda.batch.bronze;

import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.alphavantage.AdjustedBar;
import io.marketlambda.sources.alphavantage.AlphaVantageFileReader;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.sources.recorded.LeanFactorFile;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads recorded history into the bronze master data set ({@link BronzeImport}), from the readers
 * of the sources module:
 *
 * <ul>
 *   <li>bars of a {@link RecordedSource} (Lean daily or minute, Stooq daily or 5-minute, Yahoo)
 *       into {@code bronze.bars}, with file/line lineage relative to the import root; for Lean
 *       daily bars, the splits and dividends of Lean's factor files into {@code
 *       bronze.corporate_actions};
 *   <li>a saved Alpha Vantage response of one symbol: SPLITS or DIVIDENDS into corporate actions,
 *       TIME_SERIES_DAILY_ADJUSTED's raw bars into {@code bronze.bars} (source {@value
 *       #ALPHA_VANTAGE}) and its dividend and split columns into corporate actions;
 *   <li>the S&amp;P 500 constituents CSV ({@value #CONSTITUENTS}: Symbol, Security, GICS Sector,
 *       GICS Sub-Industry, quoted fields read by Spark's CSV reader) into {@code bronze.symbols}.
 * </ul>
 *
 * Idempotent: rows already imported (same source, file and line) are not inserted again. Bad rows
 * go to the quarantine and the import goes on. Reports each table's result through {@code
 * progress}.
 */
public final class HistoryImport {
  /** The source code of the S&amp;P 500 constituents file. */
  public static final String CONSTITUENTS = "sp500-constituents";

  /** The prefix of the Alpha Vantage sources; also the bronze.bars source of their bars. */
  public static final String ALPHA_VANTAGE = "alphavantage";

  /**
   * A request that cannot be imported as given, before any row is written. Its message names the
   * option of {@code marketlambda import} and the value, which other callers pass in the same
   * terms.
   */
  public static final class InvalidImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidImportException(String message) {
      super(message);
    }
  }

  private final Supplier<SparkSession> spark;
  private final LakeLayout lake;
  private final Clock clock;
  private final Consumer<String> progress;

  /**
   * Where Lean's factor files are for {@code lean-daily}.
   *
   * @param directory empty for none; {@link #besidePath()} for {@code factor_files} beside the
   *     import path when it exists
   */
  public record FactorFiles(Optional<Path> directory, boolean besidePath) {
    /** {@code factor_files} beside the import path, when it exists. */
    public static FactorFiles beside() {
      return new FactorFiles(Optional.empty(), true);
    }

    /** No corporate actions from factor files. */
    public static FactorFiles none() {
      return new FactorFiles(Optional.empty(), false);
    }

    /** This directory. */
    public static FactorFiles in(Path directory) {
      return new FactorFiles(Optional.of(directory), false);
    }
  }

  /**
   * @param spark the session, asked for once the arguments are checked (a bad argument fails before
   *     Spark starts)
   * @param progress each table's result, one line at a time
   */
  public HistoryImport(
      Supplier<SparkSession> spark, LakeLayout lake, Clock clock, Consumer<String> progress) {
    this.spark = spark;
    this.lake = lake;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * Imports one source.
   *
   * @param source a {@link RecordedSource} code of bars, {@value #CONSTITUENTS}, or {@code
   *     alphavantage-splits}, {@code -dividends}, {@code -daily-adjusted}
   * @param path a file, or a directory of the source's files
   * @param symbols only these symbols' files (every file when empty); exactly one for an Alpha
   *     Vantage response, which names no symbol
   * @throws InvalidImportException naming the argument and value when the source is unknown or
   *     holds quotes, the path is missing, a symbol has no file, or the factor files are not a
   *     directory; nothing is imported then
   */
  public void run(
      String source,
      Path path,
      List<Symbol> symbols,
      FactorFiles factorFiles,
      QuarantineFile rejected) {
    if (source.equals(CONSTITUENTS)) {
      importConstituents(path, rejected);
    } else if (source.startsWith(ALPHA_VANTAGE)) {
      importAlphaVantage(source, path, symbols, rejected);
    } else {
      RecordedSource recorded;
      try {
        recorded = RecordedSource.parse(source);
      } catch (IllegalArgumentException e) {
        throw new InvalidImportException(e.getMessage());
      }
      importBars(recorded, path, symbols, factorFiles, rejected);
    }
  }

  private void importBars(
      RecordedSource recorded,
      Path path,
      List<Symbol> symbols,
      FactorFiles factorFiles,
      QuarantineFile rejected) {
    if (recorded.recordType() != Bar.class) {
      throw new InvalidImportException(
          "Cannot import --source "
              + recorded.code()
              + " into bronze.bars: it holds quotes, not bars");
    }
    if (!Files.exists(path)) {
      throw new InvalidImportException("Cannot read --path " + path + ": not found");
    }
    List<Path> files = files(recorded, path, symbols);
    Optional<Path> factorDirectory =
        recorded == RecordedSource.LEAN_DAILY
            ? factorDirectory(path, factorFiles)
            : Optional.empty();
    Map<Symbol, NavigableSet<LocalDate>> dates = new TreeMap<>(Comparator.comparing(Symbol::value));
    Path root = Files.isDirectory(path) ? path : path.getParent();
    BronzeImport bronze = new BronzeImport(spark.get(), lake, clock, progress);
    BronzeImport.Result result =
        bronze.importBars(
            recorded.code(),
            sink -> {
              for (Path file : files) {
                try (RecordedReader<Bar> reader = recorded.openBars(file, rejected)) {
                  reader.forEachWithLine(
                      (bar, origin, line) -> {
                        dates
                            .computeIfAbsent(bar.symbol(), symbol -> new TreeSet<>())
                            .add(MarketTime.tradingDate(bar.start()));
                        sink.accept(
                            new BronzeImport.LineageBar(
                                bar, lineageFile(root, Path.of(origin)), line));
                      });
                }
              }
            });
    progress.accept(result.toString());
    if (recorded == RecordedSource.LEAN_DAILY) {
      if (factorDirectory.isEmpty()) {
        progress.accept("No factor files: no corporate actions imported");
      } else {
        importFactorFiles(bronze, factorDirectory.get(), dates, rejected);
      }
    }
  }

  private void importConstituents(Path path, QuarantineFile rejected) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidImportException(
          "Cannot read --path " + path + ": expected the constituents CSV file");
    }
    List<Row> rows =
        spark
            .get()
            .read()
            .option("header", "true")
            .csv(path.toAbsolutePath().toString())
            .collectAsList();
    List<BronzeImport.LineageSymbol> symbols = new ArrayList<>();
    String file = path.getFileName().toString();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      long line = i + 2; // after the header
      String symbol = row.getAs("Symbol");
      try {
        symbols.add(
            new BronzeImport.LineageSymbol(
                Symbol.of(symbol),
                row.getAs("Security"),
                row.getAs("GICS Sector"),
                row.getAs("GICS Sub-Industry"),
                file,
                line));
      } catch (IllegalArgumentException e) {
        rejected.reject(
            new RejectedRecord(path.toString(), line, "Symbol", e.getMessage(), row.mkString(",")));
      }
    }
    BronzeImport bronze = new BronzeImport(spark.get(), lake, clock, progress);
    progress.accept(bronze.importSymbols(CONSTITUENTS, symbols.iterator()).toString());
  }

  /**
   * Lineage of a saved response: {@code <file name>?symbol=<symbol>} (the response names no symbol,
   * and saved responses of two symbols may share a file name) and the CSV line (the JSON row's
   * ordinal).
   */
  private void importAlphaVantage(
      String source, Path path, List<Symbol> symbols, QuarantineFile rejected) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidImportException(
          "Cannot read --path " + path + ": expected one saved response file");
    }
    if (symbols.size() != 1) {
      throw new InvalidImportException(
          "Cannot import --source " + source + ": give its one symbol with --symbols");
    }
    Symbol symbol = symbols.get(0);
    String file = path.getFileName() + "?symbol=" + symbol.value();
    AlphaVantageFileReader reader = new AlphaVantageFileReader(rejected);
    List<AlphaVantageFileReader.Lined<AdjustedBar>> bars = List.of();
    List<AlphaVantageFileReader.Lined<CorporateAction>> actions = new ArrayList<>();
    switch (source) {
      case ALPHA_VANTAGE + "-splits" -> actions.addAll(reader.readSplits(symbol, path));
      case ALPHA_VANTAGE + "-dividends" -> actions.addAll(reader.readDividends(symbol, path));
      case ALPHA_VANTAGE + "-daily-adjusted" -> {
        bars = reader.readDailyAdjusted(symbol, path);
        for (AlphaVantageFileReader.Lined<AdjustedBar> bar : bars) {
          for (CorporateAction action : bar.record().corporateActions()) {
            actions.add(new AlphaVantageFileReader.Lined<>(action, bar.line()));
          }
        }
      }
      default ->
          throw new InvalidImportException(
              "Cannot import --source "
                  + source
                  + ": not one of alphavantage-splits, alphavantage-dividends,"
                  + " alphavantage-daily-adjusted");
    }
    BronzeImport bronze = new BronzeImport(spark.get(), lake, clock, progress);
    if (!bars.isEmpty()) {
      progress.accept(
          bronze
              .importBars(
                  ALPHA_VANTAGE,
                  bars.stream()
                      .map(bar -> new BronzeImport.LineageBar(bar.record().bar(), file, bar.line()))
                      .iterator())
              .toString());
    }
    List<BronzeImport.LineageAction> lineage = new ArrayList<>();
    for (AlphaVantageFileReader.Lined<CorporateAction> action : actions) {
      lineage.add(new BronzeImport.LineageAction(action.record(), file, action.line()));
    }
    progress.accept(bronze.importCorporateActions(source, lineage.iterator()).toString());
  }

  private void importFactorFiles(
      BronzeImport bronze,
      Path directory,
      Map<Symbol, NavigableSet<LocalDate>> dates,
      QuarantineFile rejected) {
    List<BronzeImport.LineageAction> actions = new ArrayList<>();
    dates.forEach(
        (symbol, tradingDates) -> {
          Path file = directory.resolve(symbol.value().toLowerCase(Locale.ROOT) + ".csv");
          if (Files.isRegularFile(file)) {
            List<CorporateAction> derived =
                LeanFactorFile.read(file, rejected).corporateActions(tradingDates);
            for (int i = 0; i < derived.size(); i++) {
              actions.add(
                  new BronzeImport.LineageAction(
                      derived.get(i), file.getFileName().toString(), i + 1));
            }
          }
        });
    progress.accept(
        bronze.importCorporateActions(LeanFactorFile.SOURCE, actions.iterator()).toString());
  }

  private static Optional<Path> factorDirectory(Path path, FactorFiles factorFiles) {
    if (factorFiles.directory().isPresent()) {
      Path directory = factorFiles.directory().get();
      if (!Files.isDirectory(directory)) {
        throw new InvalidImportException(
            "Cannot read --factor-files " + directory + ": not a directory");
      }
      return Optional.of(directory);
    }
    if (!factorFiles.besidePath()) {
      return Optional.empty();
    }
    Path parent = (Files.isDirectory(path) ? path : path.getParent()).getParent();
    Path sibling = parent == null ? null : parent.resolve("factor_files");
    return sibling != null && Files.isDirectory(sibling) ? Optional.of(sibling) : Optional.empty();
  }

  private static List<Path> files(RecordedSource recorded, Path path, List<Symbol> symbols) {
    if (symbols.isEmpty()) {
      return recorded.files(path);
    }
    List<Path> files = new ArrayList<>();
    for (Symbol symbol : symbols) {
      List<Path> found = recorded.files(path, symbol);
      if (found.isEmpty()) {
        throw new InvalidImportException(
            "Cannot import --symbols "
                + symbol.value()
                + ": no "
                + recorded.code()
                + " file in "
                + path);
      }
      files.addAll(found);
    }
    return files;
  }

  /** The file relative to the import root, with / separators: stable across machines. */
  private static String lineageFile(Path root, Path file) {
    Path relative = root == null ? file.getFileName() : root.relativize(file);
    return relative.toString().replace('\\', '/');
  }
}
