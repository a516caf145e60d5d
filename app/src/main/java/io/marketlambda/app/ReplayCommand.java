package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.replay.RecordedReplay;
import io.marketlambda.ingest.replay.Replay;
import io.marketlambda.ingest.replay.ReplaySpeed;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.BarLabel;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda replay}: recorded ticks or bars to Kafka, paced by their event times. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Publishes recorded ticks or bars to Kafka, paced by their event times.",
    description = {
      "Trade ticks go to the quotes topic, bars to the bars topic; files are merged by event",
      "time. Prints progress and a final summary; exits 1 when any event failed to publish."
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "<source>",
      description =
          "lean-tick, lean-minute, lean-daily, stooq-daily, stooq-5min, yahoo, or alphavantage"
              + " (one recorded time-series file; give --symbols, --function and --interval).")
  String source;

  @Option(
      names = "--function",
      paramLabel = "<function>",
      defaultValue = "intraday",
      description =
          "With alphavantage: intraday, daily, weekly or monthly, as the file holds (default:"
              + " ${DEFAULT-VALUE}).")
  String function;

  @Option(
      names = "--interval",
      paramLabel = "<interval>",
      defaultValue = "1min",
      description =
          "With alphavantage intraday: 1min, 5min, 15min or 60min (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "<path>",
      description = "A file, or a directory of the source's files, e.g. data/lean/tick.")
  Path path;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "<symbol>",
      description = "Only these symbols, comma-separated (default: every file).")
  List<String> symbols = new ArrayList<>();

  @Option(
      names = "--speed",
      paramLabel = "<speed>",
      defaultValue = "60x",
      description = "A multiple of recorded time such as 60x, or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(
      names = "--quarantine",
      paramLabel = "<file>",
      defaultValue = "work/quarantine/replay.jsonl",
      description = "Where rejected rows are kept, JSON Lines (default: ${DEFAULT-VALUE}).")
  Path quarantine;

  @Override
  public Integer call() {
    if (source.equals("alphavantage")) {
      return replayAlphaVantage();
    }
    RecordedSource recorded = parameter(RecordedSource::parse, source);
    if (!RecordedReplay.supports(recorded)) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot replay --source " + source + ": it holds bid/ask quotes, not trades or bars");
    }
    ReplaySpeed pace = parameter(ReplaySpeed::parse, speed);
    List<Symbol> only = symbols.stream().map(symbol -> parameter(Symbol::of, symbol)).toList();
    if (!Files.exists(path)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --path " + path + ": not found");
    }
    KafkaPublishConfig kafka = KafkaPublishConfig.from(config.settings());
    spec.commandLine()
        .getErr()
        .printf(
            "Replaying %s from %s at %s to %s%n",
            recorded.code(), path, pace, kafka.kafka().get("bootstrap.servers"));
    try (ConsoleProgress.Task bar = bar(recorded.code())) {
      return report(
          new RecordedReplay(kafka, pacing(pace, bar), quarantine).run(recorded, path, only));
    }
  }

  /** One recorded Alpha Vantage time series, read as the answer to --function and --interval. */
  private int replayAlphaVantage() {
    if (symbols.size() != 1 || !Files.isRegularFile(path)) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot replay --source alphavantage: give one recorded file as --path and its symbol as"
              + " --symbols (got "
              + path
              + ", "
              + symbols
              + ")");
    }
    Symbol symbol = parameter(Symbol::of, symbols.get(0));
    if (!List.of("intraday", "daily", "weekly", "monthly").contains(function)) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot replay --function " + function + ": expected intraday, daily, weekly or monthly");
    }
    AlphaVantageRequest request =
        parameter(name -> AlphaVantageRequest.parse(name, symbol, interval), function);
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      request = request.asCsv();
    }
    ReplaySpeed pace = parameter(ReplaySpeed::parse, speed);
    Settings settings = config.settings();
    KafkaPublishConfig kafka = KafkaPublishConfig.from(settings);
    BarLabel label = AlphaVantageConfig.from(settings).intradayLabel();
    spec.commandLine()
        .getErr()
        .printf(
            "Replaying %s from %s (times label bar %s) at %s%n",
            request.describe(), path, label, pace);
    try (ConsoleProgress.Task bar = bar(request.describe())) {
      return report(
          new RecordedReplay(kafka, pacing(pace, bar), quarantine)
              .runAlphaVantage(path, request, label));
    }
  }

  /** A progress bar on standard error (a line every few seconds when it is not a terminal). */
  private ConsoleProgress.Task bar(String what) {
    return ConsoleProgress.of(spec.commandLine().getErr()).start("replay " + what, -1, "events");
  }

  private Replay pacing(ReplaySpeed pace, ConsoleProgress.Task bar) {
    return new Replay(
            pace, Clock.systemUTC(), Replay.Sleeper.threadSleep(), BAR_INTERVAL, line -> {})
        .reportingTo(BAR_INTERVAL, bar::replayed);
  }

  private static final Duration BAR_INTERVAL = Duration.ofMillis(250);

  private int report(RecordedReplay.Result result) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(result.replay() + " -> " + result.topic());
    if (result.quarantined() > 0) {
      out.printf("%,d rejected rows kept in %s%n", result.quarantined(), result.quarantineFile());
    }
    return result.replay().publish().failed() == 0 ? 0 : MarketLambdaApplication.EXIT_FAILURE;
  }

  private <T> T parameter(Function<String, T> parse, String value) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
