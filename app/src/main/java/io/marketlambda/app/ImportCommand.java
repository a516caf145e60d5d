package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.quarantine.QuarantineFile;
import io.marketlambda.ingest.recorded.LeanFactorFile;
import io.marketlambda.ingest.recorded.RecordedReader;
import io.marketlambda.ingest.recorded.RecordedSource;
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
    description = {
      "Loads recorded history into the bronze master data set (Delta, under lake.root).",
      "Bars go to bronze.bars with source, ingestion time and file/line lineage.",
      "Idempotent: rows already imported (same source, file and line) are",
      "not inserted again. Bad rows go to the quarantine file and the import goes on.",
      "With --source lean-daily, the splits and dividends of Lean's factor files go to",
      "bronze.corporate_actions too."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "<source>",
      description = {
        "lean-daily, lean-minute, stooq-daily, stooq-5min or yahoo (bars), or",
        "sp500-constituents (symbols' GICS sectors, for gold.sector_summary)."
      })
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
      description = {
        "Lean factor files for --source lean-daily (default: factor_files beside --path when it",
        "exists; 'none' for no corporate actions)."
      })
  String factorFiles;

  @Option(
      names = "--quarantine",
      paramLabel = "<file>",
      defaultValue = "work/quarantine/import.jsonl",
      description = "Where rejected rows are kept, JSON Lines (default: ${DEFAULT-VALUE}).")
  Path quarantine;

  /** The source code of the S&amp;P 500 constituents file (Symbol, Security, GICS Sector, ...). */
  static final String CONSTITUENTS = "sp500-constituents";

  @Override
  public Integer call() {
    if (source.equals(CONSTITUENTS)) {
      return importConstituents();
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
              new io.marketlambda.ingest.quarantine.RejectedRecord(
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
