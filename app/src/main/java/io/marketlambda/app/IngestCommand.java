package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.alphavantage.AlphaVantageConfig;
import io.marketlambda.ingest.alphavantage.AlphaVantageFunction;
import io.marketlambda.ingest.alphavantage.AlphaVantageIngest;
import io.marketlambda.ingest.alphavantage.AlphaVantageRequest;
import io.marketlambda.ingest.alphavantage.IntradayInterval;
import io.marketlambda.ingest.alphavantage.MaskedApiKey;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.ingest.quarantine.QuarantineFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda ingest}: live sources to Kafka. */
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
      List<AlphaVantageRequest> requests = requests();
      Settings settings = config.settings();
      AlphaVantageConfig alphaVantage = AlphaVantageConfig.from(settings);
      KafkaPublishConfig kafka = KafkaPublishConfig.from(settings);
      Path marksFile = stateDirectory.resolve("high-water-marks.properties");
      if (dryRun) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(
            AlphaVantageIngest.plan(alphaVantage, marksFile, Clock.systemUTC(), requests).render());
        out.flush();
        return 0;
      }
      MaskedApiKey key = MaskedApiKey.load(System.getenv(), alphaVantage.apiKeyFile());
      new TopicCreator(kafka)
          .createMissing(List.of(kafka.topics().bars(), kafka.topics().quotes()));
      try (QuarantineFile quarantine =
              new QuarantineFile(stateDirectory.resolve("quarantine.jsonl"));
          KafkaEventSink<Bar> bars = KafkaEventSink.forBars(kafka, kafka.topics().bars());
          KafkaEventSink<Quote> quotes = KafkaEventSink.forQuotes(kafka, kafka.topics().quotes())) {
        AlphaVantageIngest job =
            AlphaVantageIngest.create(
                alphaVantage, key, marksFile, quarantine, bars, quotes, Clock.systemUTC());
        return poll(job, requests);
      }
    }

    private int poll(AlphaVantageIngest job, List<AlphaVantageRequest> requests) {
      Instant deadline = duration == null ? Instant.MAX : Instant.now().plus(duration);
      Thread worker = Thread.currentThread();
      Thread stopper = new Thread(() -> stop(worker), "ingest-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      long published = 0;
      do {
        AlphaVantageIngest.CycleSummary cycle = job.pollOnce(requests);
        published += cycle.published();
        log.info("{}", cycle);
        if (once || Thread.currentThread().isInterrupted()) {
          break;
        }
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
          break;
        }
      } while (Instant.now().isBefore(deadline));
      spec.commandLine().getOut().printf("ingest alphavantage: published %,d records%n", published);
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

    private List<AlphaVantageRequest> requests() {
      List<Symbol> parsed = symbols.stream().map(this::symbol).toList();
      return switch (function) {
        case "intraday" -> {
          IntradayInterval size = intradayInterval();
          yield parsed.stream().map(symbol -> AlphaVantageRequest.intraday(symbol, size)).toList();
        }
        case "daily" -> of(AlphaVantageFunction.TIME_SERIES_DAILY, parsed);
        case "weekly" -> of(AlphaVantageFunction.TIME_SERIES_WEEKLY, parsed);
        case "monthly" -> of(AlphaVantageFunction.TIME_SERIES_MONTHLY, parsed);
        case "quote" -> of(AlphaVantageFunction.GLOBAL_QUOTE, parsed);
        default ->
            throw new ParameterException(
                spec.commandLine(),
                "Cannot ingest --function "
                    + function
                    + ": expected intraday, daily, weekly, monthly or quote");
      };
    }

    private static List<AlphaVantageRequest> of(
        AlphaVantageFunction function, List<Symbol> symbols) {
      return symbols.stream().map(symbol -> AlphaVantageRequest.of(function, symbol)).toList();
    }

    private IntradayInterval intradayInterval() {
      try {
        IntradayInterval size = IntradayInterval.parse(interval);
        size.barInterval();
        return size;
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }

    private Symbol symbol(String text) {
      try {
        return Symbol.of(text);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
  }
}
