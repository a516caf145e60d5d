package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.alphavantage.AdjustedBar;
import io.marketlambda.sources.alphavantage.AlphaVantageFileReader;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.LeanFactorFile;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda import}: recorded history into the bronze master data set. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    header = "Loads recorded history into the bronze master data set.",
    description = {
      "Loads recorded history into the bronze master data set (Delta, under lake.root).",
      "Bars go to bronze.bars with source, ingestion time and file/line lineage.",
      "Idempotent: rows already imported (same source, file and line) are",
      "not inserted again. Bad rows go to the quarantine file and the import goes on.",
      "With --source lean-daily, the splits and dividends of Lean's factor files go to",
      "bronze.corporate_actions too; so do Alpha Vantage's SPLITS and DIVIDENDS responses",
      "(--source alphavantage-splits, alphavantage-dividends) and the dividend and split",
      "columns of TIME_SERIES_DAILY_ADJUSTED (--source alphavantage-daily-adjusted, whose",
      "raw bars go to bronze.bars as source alphavantage)."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "<source>",
      description =
          "Bars: lean-daily, lean-minute, stooq-daily, stooq-5min or yahoo. A saved Alpha"
              + " Vantage response (JSON or CSV) of the symbol given with --symbols:"
              + " alphavantage-splits, alphavantage-dividends or alphavantage-daily-adjusted."
              + " Sectors for gold.sector_summary: sp500-constituents.")
  String source;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "<file|dir>",
      description = "A file, or a directory of the source's files.")
  Path path;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "<symbol>",
      description = "Only these symbols (default: every file).")
  List<String> symbols = new ArrayList<>();

  @Option(
      names = "--factor-files",
      paramLabel = "<dir>",
      description =
          "Lean factor files for --source lean-daily (default: factor_files beside --path when"
              + " it exists); 'none' imports no corporate actions.")
  String factorFiles;

  @Option(
      names = "--quarantine",
      paramLabel = "<file>",
      defaultValue = "work/quarantine/import.jsonl",
      description = "Where rejected rows are kept, JSON Lines (default: ${DEFAULT-VALUE}).")
  Path quarantine;

  /** The source code of the S&amp;P 500 constituents file (Symbol, Security, GICS Sector, ...). */
  static final String CONSTITUENTS = "sp500-constituents";

  /** The prefix of the Alpha Vantage sources; also the bronze.bars source of their bars. */
  static final String ALPHA_VANTAGE = "alphavantage";

  @Override
  public Integer call() {
    if (source.equals(CONSTITUENTS)) {
      return importConstituents();
    }
    if (source.startsWith(ALPHA_VANTAGE)) {
      return importAlphaVantage();
    }
    RecordedSource recorded = parameter(source);
    if (recorded.recordType() != Bar.class) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot import --source " + source + " into bronze.bars: it holds quotes, not bars");
    }
    if (!Files.exists(path)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --path " + path + ": not found");
    }
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = BatchSession.getOrCreate("marketlambda-import", settings);
    BronzeImport bronze =
        new BronzeImport(
            spark,
            LakeConfig.from(settings).layout(),
            Clock.systemUTC(),
            line -> {
              out.println(line);
              out.flush();
            });
    Map<Symbol, NavigableSet<LocalDate>> dates =
        new TreeMap<>(java.util.Comparator.comparing(Symbol::value));
    Path root = Files.isDirectory(path) ? path : path.getParent();
    try (QuarantineFile rejected = new QuarantineFile(quarantine)) {
      BronzeImport.Result result =
          bronze.importBars(
              recorded.code(),
              sink -> {
                for (Path file : files(recorded)) {
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
      out.println(result);
      if (recorded == RecordedSource.LEAN_DAILY) {
        importFactorFiles(bronze, dates, rejected, out);
      }
      if (rejected.count() > 0) {
        out.printf(
            Locale.ROOT, "%,d rejected rows kept in %s%n", rejected.count(), rejected.file());
      }
    }
    return 0;
  }

  /**
   * The constituents CSV (quoted fields with commas, read by Spark's CSV reader) into {@code
   * bronze.symbols}; a row whose symbol is not valid goes to the quarantine.
   */
  private int importConstituents() {
    if (!Files.isRegularFile(path)) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot read --path " + path + ": expected the constituents CSV file");
    }
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = BatchSession.getOrCreate("marketlambda-import", settings);
    List<org.apache.spark.sql.Row> rows =
        spark.read().option("header", "true").csv(path.toAbsolutePath().toString()).collectAsList();
    List<BronzeImport.LineageSymbol> symbols = new ArrayList<>();
    String file = path.getFileName().toString();
    try (QuarantineFile rejected = new QuarantineFile(quarantine)) {
      for (int i = 0; i < rows.size(); i++) {
        org.apache.spark.sql.Row row = rows.get(i);
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
              new io.marketlambda.sources.quarantine.RejectedRecord(
                  path.toString(), line, "Symbol", e.getMessage(), row.mkString(",")));
        }
      }
      BronzeImport bronze =
          new BronzeImport(
              spark, LakeConfig.from(settings).layout(), Clock.systemUTC(), out::println);
      out.println(bronze.importSymbols(CONSTITUENTS, symbols.iterator()));
      if (rejected.count() > 0) {
        out.printf(
            Locale.ROOT, "%,d rejected rows kept in %s%n", rejected.count(), rejected.file());
      }
    }
    return 0;
  }

  /**
   * A saved Alpha Vantage response of the one symbol of {@code --symbols}: splits or dividends into
   * {@code bronze.corporate_actions}; a daily adjusted series' raw bars into {@code bronze.bars}
   * (source {@value #ALPHA_VANTAGE}) and its dividend and split columns into corporate actions.
   * Lineage: {@code <file name>?symbol=<symbol>} and the CSV line (the JSON row's ordinal); bad
   * rows go to the quarantine.
   */
  private int importAlphaVantage() {
    if (!Files.isRegularFile(path)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --path " + path + ": expected one saved response file");
    }
    if (symbols.size() != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot import --source " + source + ": give its one symbol with --symbols");
    }
    Symbol symbol;
    try {
      symbol = Symbol.of(symbols.get(0));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    // The response names no symbol, and saved responses of two symbols may share a file name.
    String file = path.getFileName() + "?symbol=" + symbol.value();
    try (QuarantineFile rejected = new QuarantineFile(quarantine)) {
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
            throw new ParameterException(
                spec.commandLine(),
                "Cannot import --source "
                    + source
                    + ": not one of alphavantage-splits, alphavantage-dividends,"
                    + " alphavantage-daily-adjusted");
      }
      Settings settings = config.settings();
      SparkSession spark = BatchSession.getOrCreate("marketlambda-import", settings);
      BronzeImport bronze =
          new BronzeImport(
              spark, LakeConfig.from(settings).layout(), Clock.systemUTC(), out::println);
      if (!bars.isEmpty()) {
        out.println(
            bronze.importBars(
                ALPHA_VANTAGE,
                bars.stream()
                    .map(bar -> new BronzeImport.LineageBar(bar.record().bar(), file, bar.line()))
                    .iterator()));
      }
      List<BronzeImport.LineageAction> lineage = new ArrayList<>();
      for (AlphaVantageFileReader.Lined<CorporateAction> action : actions) {
        lineage.add(new BronzeImport.LineageAction(action.record(), file, action.line()));
      }
      out.println(bronze.importCorporateActions(source, lineage.iterator()));
      if (rejected.count() > 0) {
        out.printf(
            Locale.ROOT, "%,d rejected rows kept in %s%n", rejected.count(), rejected.file());
      }
    }
    return 0;
  }

  private void importFactorFiles(
      BronzeImport bronze,
      Map<Symbol, NavigableSet<LocalDate>> dates,
      QuarantineFile rejected,
      PrintWriter out) {
    Path directory =
        factorFiles != null
            ? (factorFiles.equals("none") ? null : Path.of(factorFiles))
            : defaultFactorFiles();
    if (directory == null) {
      out.println("No factor files: no corporate actions imported");
      return;
    }
    if (!Files.isDirectory(directory)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --factor-files " + directory + ": not a directory");
    }
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
    out.println(bronze.importCorporateActions(LeanFactorFile.SOURCE, actions.iterator()));
  }

  private Path defaultFactorFiles() {
    Path parent = (Files.isDirectory(path) ? path : path.getParent()).getParent();
    Path sibling = parent == null ? null : parent.resolve("factor_files");
    return sibling != null && Files.isDirectory(sibling) ? sibling : null;
  }

  private List<Path> files(RecordedSource recorded) {
    if (symbols.isEmpty()) {
      return recorded.files(path);
    }
    List<Path> files = new ArrayList<>();
    for (String symbol : symbols) {
      Symbol parsed;
      try {
        parsed = Symbol.of(symbol);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      List<Path> found = recorded.files(path, parsed);
      if (found.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot import --symbols " + symbol + ": no " + recorded.code() + " file in " + path);
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

  private RecordedSource parameter(String code) {
    try {
      return RecordedSource.parse(code);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
