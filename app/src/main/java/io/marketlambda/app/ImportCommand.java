package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.HistoryImport;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.QuarantineFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda import}: recorded history into the bronze master data set ({@link
 * HistoryImport}).
 */
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

  @Override
  public Integer call() {
    List<Symbol> only;
    try {
      only = symbols.stream().map(Symbol::of).toList();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    HistoryImport.FactorFiles factors =
        factorFiles == null
            ? HistoryImport.FactorFiles.beside()
            : factorFiles.equals("none")
                ? HistoryImport.FactorFiles.none()
                : HistoryImport.FactorFiles.in(Path.of(factorFiles));
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    HistoryImport history =
        new HistoryImport(
            () -> BatchSession.getOrCreate("marketlambda-import", settings),
            LakeConfig.from(settings).layout(),
            Clock.systemUTC(),
            line -> {
              out.println(line);
              out.flush();
            });
    try (QuarantineFile rejected = new QuarantineFile(quarantine)) {
      try {
        history.run(source, path, only, factors, rejected);
      } catch (HistoryImport.InvalidImportException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      if (rejected.count() > 0) {
        out.printf(
            Locale.ROOT, "%,d rejected rows kept in %s%n", rejected.count(), rejected.file());
      }
    }
    return 0;
  }
}
