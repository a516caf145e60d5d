package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.replay.RecordedReplay;
import io.marketlambda.ingest.replay.Replay;
import io.marketlambda.ingest.replay.ReplaySpeed;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The demo's live day: replays the trades of {@value DemoRun#LIVE_DATE} ({@code lean/tick}) to the
 * quotes topic, paced from {@code liveFrom}, then the minute bars of the days after it ({@code
 * lean/minute}, when there) to the bars topic, in a thread of its own.
 */
final class DemoReplay {
  private static final Duration BAR_INTERVAL = Duration.ofMillis(250);

  private final Settings settings;
  private final Path lean;
  private final Path work;
  private final ConsoleProgress console;
  private final PrintWriter out;
  private final DemoRun.Failures failures;
  private volatile long eventsReplayed;
  private Thread thread;

  DemoReplay(
      Settings settings,
      Path lean,
      Path work,
      ConsoleProgress console,
      PrintWriter out,
      DemoRun.Failures failures) {
    this.settings = settings;
    this.lean = lean;
    this.work = work;
    this.console = console;
    this.out = out;
    this.failures = failures;
  }

  /**
   * Starts the replay.
   *
   * @param untilWhat how the views end once the replay is done, for the message it prints
   */
  void start(ReplaySpeed pace, Instant liveFrom, String untilWhat) {
    thread = new Thread(() -> run(pace, liveFrom, untilWhat), "demo-replay");
    thread.setDaemon(true);
    thread.start();
  }

  /** The events published so far. */
  long eventsReplayed() {
    return eventsReplayed;
  }

  /** Stops the replay; it flushes what it sent and says how far it got (waits up to 10 s). */
  void stop() {
    if (thread == null) {
      return;
    }
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(ReplaySpeed pace, Instant liveFrom, String untilWhat) {
    try {
      RecordedReplay.Result trades;
      try (ConsoleProgress.Task bar = console.start("replay trades", -1, "events")) {
        trades =
            replay(pace, liveFrom, bar)
                .run(RecordedSource.LEAN_TICK, lean.resolve("tick"), DemoRun.LIVE_SYMBOLS);
      }
      eventsReplayed = trades.replay().events();
      out.println("  " + trades.replay() + " -> " + trades.topic());
      if (trades.replay().stopped()) {
        return;
      }
      Path week = stageMinuteBarsAfterTheLiveDay(lean.resolve("minute"));
      if (week != null) {
        RecordedReplay.Result bars;
        try (ConsoleProgress.Task bar = console.start("replay bars", -1, "events")) {
          bars =
              replay(pace, null, bar).run(RecordedSource.LEAN_MINUTE, week, DemoRun.LIVE_SYMBOLS);
        }
        eventsReplayed += bars.replay().events();
        out.println("  " + bars.replay() + " -> " + bars.topic());
        if (bars.replay().stopped()) {
          return;
        }
      }
      out.println("  replay finished; the views stay up " + untilWhat);
      out.flush();
    } catch (RuntimeException e) {
      failures.failed("replay failed", e);
    }
  }

  /** A replay paced by {@code pace}, fast-forwarded to {@code from} unless it is null. */
  private RecordedReplay replay(ReplaySpeed pace, Instant from, ConsoleProgress.Task bar) {
    Replay pacing =
        new Replay(pace, Clock.systemUTC(), Replay.Sleeper.threadSleep(), BAR_INTERVAL, line -> {})
            .reportingTo(BAR_INTERVAL, bar::replayed);
    if (from != null) {
      pacing = pacing.fastForwardTo(from);
    }
    return new RecordedReplay(
        KafkaPublishConfig.from(settings),
        pacing,
        work.resolve("quarantine").resolve("replay.jsonl"));
  }

  /**
   * Copies the Lean minute-bar files of the live symbols dated after the live day into {@code
   * <work>/replay/minute}; null when there are none.
   */
  private Path stageMinuteBarsAfterTheLiveDay(Path minute) {
    if (!Files.isDirectory(minute)) {
      return null;
    }
    Path staged = work.resolve("replay").resolve("minute");
    String after = DemoRun.LIVE_DATE.replace("-", "");
    try (var files = Files.list(minute)) {
      Files.createDirectories(staged);
      int copied = 0;
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (isLiveSymbol(name) && name.length() > 8 && name.substring(0, 8).compareTo(after) > 0) {
          Files.copy(file, staged.resolve(name));
          copied++;
        }
      }
      return copied == 0 ? null : staged;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage the minute bars of " + minute, e);
    }
  }

  private static boolean isLiveSymbol(String fileName) {
    List<Symbol> live = DemoRun.LIVE_SYMBOLS;
    return live.stream()
        .anyMatch(
            symbol ->
                fileName.contains("_" + symbol.value().toLowerCase(Locale.ROOT) + "_minute_trade"));
  }
}
