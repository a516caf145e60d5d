package io.marketlambda.app;

import io.marketlambda.batch.BatchApplication;
import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.HistoryImport;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The demo's history, beside the live day: imports the Lean daily bars and factor files (and the
 * Stooq daily set when the data directory has it) into bronze ({@link HistoryImport}), then runs
 * the nightly batch of {@value DemoRun#BATCH_RUN_DATE} with its HBase serving copy ({@link
 * BatchApplication}), in a thread of its own. The serving layer reads the batch views' pointer
 * again within its refresh and merges them from then on.
 */
final class DemoHistory {
  private final Settings settings;
  private final Path data;
  private final Path quarantine;
  private final ConsoleProgress console;
  private final PrintWriter out;
  private final DemoRun.Failures failures;
  private volatile long batchRows;
  private Thread thread;

  DemoHistory(
      Settings settings,
      Path data,
      Path quarantine,
      ConsoleProgress console,
      PrintWriter out,
      DemoRun.Failures failures) {
    this.settings = settings;
    this.data = data;
    this.quarantine = quarantine;
    this.console = console;
    this.out = out;
    this.failures = failures;
  }

  /**
   * Starts the import and the batch; {@code begin} is the demo's start ({@link System#nanoTime}).
   */
  void start(long begin) {
    thread = new Thread(() -> run(begin), "demo-history");
    thread.setDaemon(true);
    thread.start();
  }

  /** The rows the batch run wrote, 0 until it is done. */
  long batchRows() {
    return batchRows;
  }

  private void run(long begin) {
    try {
      long started = System.nanoTime();
      BatchJob.Run run;
      try (ConsoleProgress.Task bar = console.startSteps("history", "steps")) {
        bar.message("import");
        importHistory();
        bar.step();
        run =
            BatchApplication.run(
                settings,
                LocalDate.parse(DemoRun.BATCH_RUN_DATE),
                OptionalLong.empty(),
                line -> {
                  bar.step();
                  bar.message(
                      line.strip().replaceAll("^batch run \\S+: ", "").replaceAll("\\s+", " "));
                });
      }
      batchRows = run.rowCounts().values().stream().mapToLong(Long::longValue).sum();
      out.printf(
          Locale.ROOT,
          "  history served: batch run %s, %,d symbols, %,d rows; import and batch"
              + " took %.0f s, %.0f s after the start%n",
          run.runId(),
          run.watermarks().size(),
          batchRows,
          (System.nanoTime() - started) / 1e9,
          (System.nanoTime() - begin) / 1e9);
      out.flush();
    } catch (Exception e) { // Spark's exceptions are checked, yet thrown unchecked
      failures.failed("history failed", e);
    }
  }

  private void importHistory() {
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
      history.run(
          RecordedSource.LEAN_DAILY.code(),
          data.resolve("lean").resolve("daily"),
          List.of(),
          HistoryImport.FactorFiles.beside(),
          rejected);
      Path stooq = data.resolve("stooq-daily-us");
      if (Files.isDirectory(stooq)) {
        history.run(
            RecordedSource.STOOQ_DAILY.code(),
            stooq,
            List.of(),
            HistoryImport.FactorFiles.none(),
            rejected);
      }
      if (rejected.count() > 0) {
        out.printf(
            Locale.ROOT, "%,d rejected rows kept in %s%n", rejected.count(), rejected.file());
      }
    }
  }
}
