package io.marketlambda.app;

import io.marketlambda.core.config.Durations;
import io.marketlambda.ingest.replay.ReplaySpeed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda demo}: the whole lambda architecture on one machine, on real data.
 *
 * <ol>
 *   <li>starts the local stack (Kafka, ZooKeeper, HDFS, HBase) in a child JVM;
 *   <li>in the background, imports the history (Lean daily bars and factor files; with {@code
 *       --data-dir ../shared/data} also the Stooq 96-symbol daily set) into bronze and runs the
 *       nightly batch for {@value DemoRun#BATCH_RUN_DATE} with the HBase serving copy, which the
 *       serving layer merges from then on;
 *   <li>starts the speed layer and the serving layer (HTTP API and chart page);
 *   <li>replays the trades of {@value DemoRun#LIVE_DATE} (IBM, SPY) through Kafka as the live day,
 *       then the minute bars of the days after it;
 *   <li>until Ctrl-C or {@code --duration}, then prints a summary and stops everything.
 * </ol>
 *
 * The run itself is {@link DemoRun}'s. The replay and the history show progress bars ({@link
 * ConsoleProgress}); the console keeps warnings and errors, the full log goes to {@code
 * work/demo/logs}. Its state lives under {@code work/demo} and is wiped at each start.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs the whole lambda architecture on one machine, on real data.",
    description = {
      "Starts a local stack, the speed layer and the serving layer, and replays the trades of "
          + DemoRun.LIVE_DATE
          + " through Kafka as the live day. Meanwhile it imports the history and runs the"
          + " nightly batch (views up to "
          + DemoRun.BATCH_RUN_DATE
          + "), which the serving layer merges once it is done.",
      "Prints the URLs and progress; Ctrl-C or --duration stops everything with a summary. The"
          + " full log is in work/demo/logs; the state lives under work/demo and is wiped at"
          + " each start."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "The market data (default: the bundled Lean set, data/ of the installation);"
              + " ../shared/data adds the Stooq 96-symbol daily history.")
  Path dataDir;

  @Option(
      names = "--speed",
      paramLabel = "<speed>",
      defaultValue = "60x",
      description =
          "Replay pace: a multiple of recorded time such as 60x, or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(
      names = "--from",
      paramLabel = "<HH:MM>",
      defaultValue = "09:25",
      description =
          "New York time of the live day the paced replay starts at: the trades before it (the"
              + " pre-market) are published at once, so the open is minutes away (default:"
              + " ${DEFAULT-VALUE}; 00:00 paces the whole day).")
  String from;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      description =
          "Stop this long after the start, print the summary and exit (for scripts and tests; "
              + DurationConverter.FORMAT
              + ").")
  Duration duration;

  @Option(
      names = "--port",
      paramLabel = "<port>",
      defaultValue = "8080",
      description = "Port of the HTTP API and chart page (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--kafka-port",
      paramLabel = "<port>",
      defaultValue = "9092",
      description =
          "Kafka broker port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "<port>",
      defaultValue = "2181",
      description =
          "ZooKeeper port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(
      names = "--hdfs-port",
      paramLabel = "<port>",
      defaultValue = "8020",
      description =
          "NameNode port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int hdfsPort;

  @Option(
      names = "--conf",
      paramLabel = "<key=value>",
      description =
          "One more setting for every job, e.g. --conf speed.trigger-interval=2s; may repeat.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ConsoleProgress console = ConsoleProgress.of(spec.commandLine().getOut());
    console.captureStandardError();
    Path data;
    try {
      data = DemoSettings.dataDirectory(dataDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ReplaySpeed pace = parse(ReplaySpeed::parse, speed, "--speed");
    LocalTime fromTime = parse(DemoCommand::timeOfDay, from, "--from");
    if (duration != null && duration.toSeconds() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot use --duration " + Durations.format(duration) + ": must be 1s or more");
    }
    return new DemoRun(
            new DemoRun.Options(
                data,
                pace,
                fromTime,
                Optional.ofNullable(duration),
                port,
                kafkaPort,
                zookeeperPort,
                hdfsPort,
                List.copyOf(overrides)),
            console)
        .run();
  }

  private static LocalTime timeOfDay(String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time of day like 09:25", e);
    }
  }

  private <T> T parse(Function<String, T> parser, String value, String option) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot use " + option + " " + value + ": " + e.getMessage(), e);
    }
  }
}
