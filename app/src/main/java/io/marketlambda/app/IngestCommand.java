package io.marketlambda.app;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.poll.PollLoop;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda ingest}: live sources to Kafka ({@link PollLoop}). */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    header = "Publishes live market data to Kafka.",
    subcommands = {IngestCommand.AlphaVantage.class})
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("marketlambda ingest: missing source");
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }

  /** {@code marketlambda ingest alphavantage}. */
  @Command(
      name = "alphavantage",
      mixinStandardHelpOptions = true,
      header = "Polls Alpha Vantage within the plan's quota and publishes what is new.",
      description = {
        "Polls Alpha Vantage within the plan's quota (alphavantage.plan, calls-per-minute,",
        "calls-per-day) during the US equity session and publishes each new bar (bars topic)",
        "or last price (quotes topic) once; what was published survives restarts.",
        "API key: $ALPHAVANTAGE_API_KEY or the file named by alphavantage.api-key-file."
      })
  static final class AlphaVantage implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(AlphaVantage.class);

    @Spec CommandSpec spec;
    @Mixin ConfigOptions config;

    @Option(
        names = "--symbols",
        required = true,
        split = ",",
        paramLabel = "<symbol>",
        description = "Symbols to poll, comma-separated, in priority order.")
    List<String> symbols;

    @Option(
        names = "--function",
        paramLabel = "<function>",
        defaultValue = "intraday",
        description = "intraday, daily, weekly, monthly or quote (default: ${DEFAULT-VALUE}).")
    String function;

    @Option(
        names = "--interval",
        paramLabel = "<interval>",
        defaultValue = "1min",
        description = "Intraday bar size: 1min, 5min, 15min or 60min (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
        names = "--poll-interval",
        paramLabel = "<duration>",
        defaultValue = "1m",
        description = "Time between cycles (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(
        names = "--duration",
        paramLabel = "<duration>",
        description = "Stop after this long, e.g. 30m (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--once", description = "Run one cycle and exit.")
    boolean once;

    @Option(names = "--dry-run", description = "Print what the quota allows now; call nothing.")
    boolean dryRun;

    @Option(
        names = "--state-dir",
        paramLabel = "<dir>",
        defaultValue = "work/alphavantage",
        description = "Where the published high-water marks are kept (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Override
    public Integer call() {
      List<AlphaVantageRequest> requests;
      try {
        requests = PollLoop.requests(function, symbols.stream().map(Symbol::of).toList(), interval);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      PollLoop loop = new PollLoop(config.settings(), stateDirectory);
      PrintWriter out = spec.commandLine().getOut();
      if (dryRun) {
        out.print(loop.dryRun(requests));
        out.flush();
        return 0;
      }
      Thread worker = Thread.currentThread();
      Thread hook = new Thread(() -> stop(worker), "ingest-stop");
      long published;
      try {
        published =
            loop.run(
                requests,
                pollInterval,
                Optional.ofNullable(duration),
                once,
                () -> Runtime.getRuntime().addShutdownHook(hook));
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook is stopping the loop
        }
      }
      out.printf("ingest alphavantage: published %,d records%n", published);
      return 0;
    }

    private static void stop(Thread worker) {
      worker.interrupt();
      try {
        worker.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
