package io.marketlambda.app;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.recorded.RecordedSource;
import io.marketlambda.ingest.replay.RecordedReplay;
import io.marketlambda.ingest.replay.Replay;
import io.marketlambda.ingest.replay.ReplaySpeed;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    description = {
      "Publishes recorded ticks or bars to Kafka, paced by their event times.",
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
      description = "lean-tick, lean-minute, lean-daily, stooq-daily, stooq-5min or yahoo.")
  String source;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "<path>",
      description = "A file, or a directory of the source's files (e.g. ../shared/data/lean/tick).")
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
    PrintWriter err = spec.commandLine().getErr();
    Replay pacing =
        new Replay(
            pace,
            Clock.systemUTC(),
            Replay.Sleeper.threadSleep(),
            Duration.ofSeconds(5),
            err::println);
    err.printf(
        "Replaying %s from %s at %s to %s%n",
        recorded.code(), path, pace, kafka.kafka().get("bootstrap.servers"));
    RecordedReplay.Result result =
        new RecordedReplay(kafka, pacing, quarantine).run(recorded, path, only);

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
