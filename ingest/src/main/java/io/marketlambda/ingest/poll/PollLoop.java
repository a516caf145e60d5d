package io.marketlambda.ingest.poll;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.MaskedApiKey;
import io.marketlambda.sources.quarantine.QuarantineFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Alpha Vantage onto Kafka, one {@link AlphaVantageIngest} cycle after another: new bars to
 * the bars topic, new last prices to the quotes topic, rejected records to {@code quarantine.jsonl}
 * and the published high-water marks to {@code high-water-marks.properties}, both under the state
 * directory (so a restart publishes nothing twice).
 */
public final class PollLoop {
  private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

  private final Settings settings;
  private final Path stateDirectory;

  /**
   * @param settings the {@code alphavantage.*}, {@code kafka.*} and {@code topics.*} settings
   * @param stateDirectory where the high-water marks and the quarantine are kept
   */
  public PollLoop(Settings settings, Path stateDirectory) {
    this.settings = settings;
    this.stateDirectory = stateDirectory;
  }

  /**
   * Returns the requests of one cycle, in priority order.
   *
   * @param function {@code intraday}, {@code daily}, {@code weekly}, {@code monthly} or {@code
   *     quote}
   * @param interval the intraday bar size: {@code 1min}, {@code 5min}, {@code 15min}, {@code 60min}
   * @throws IllegalArgumentException naming the value when the function or interval is unknown
   */
  public static List<AlphaVantageRequest> requests(
      String function, List<Symbol> symbols, String interval) {
    if (!List.of("intraday", "daily", "weekly", "monthly", "quote").contains(function)) {
      throw new IllegalArgumentException(
          "Cannot ingest --function "
              + function
              + ": expected intraday, daily, weekly, monthly or quote");
    }
    List<AlphaVantageRequest> requests =
        symbols.stream()
            .map(symbol -> AlphaVantageRequest.parse(function, symbol, interval))
            .toList();
    for (AlphaVantageRequest request : requests) {
      if (request.interval() != null) {
        try {
          request.interval().barInterval(); // the speed layer makes bars of this size
        } catch (UnsupportedOperationException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
    }
    return requests;
  }

  /** Renders what the quota allows now, calling nothing. */
  public String dryRun(List<AlphaVantageRequest> requests) {
    return AlphaVantageIngest.plan(
            AlphaVantageConfig.from(settings), marksFile(), Clock.systemUTC(), requests)
        .render();
  }

  /**
   * Runs cycles {@code pollInterval} apart until {@code duration} has passed (forever when empty),
   * after one cycle when {@code once}, or until the thread is interrupted.
   *
   * @param started called once the key is loaded, the topics exist and the producers are open,
   *     before the first cycle (where a caller installs what interrupts it)
   * @return the records published
   * @throws IllegalStateException when no API key is configured (the message says where to set it)
   */
  public long run(
      List<AlphaVantageRequest> requests,
      Duration pollInterval,
      Optional<Duration> duration,
      boolean once,
      Runnable started) {
    AlphaVantageConfig alphaVantage = AlphaVantageConfig.from(settings);
    KafkaPublishConfig kafka = KafkaPublishConfig.from(settings);
    MaskedApiKey key = MaskedApiKey.load(System.getenv(), alphaVantage.apiKeyFile());
    new TopicCreator(kafka).createMissing(List.of(kafka.topics().bars(), kafka.topics().quotes()));
    try (QuarantineFile quarantine =
            new QuarantineFile(stateDirectory.resolve("quarantine.jsonl"));
        KafkaEventSink<Bar> bars = KafkaEventSink.forBars(kafka, kafka.topics().bars());
        KafkaEventSink<Quote> quotes = KafkaEventSink.forQuotes(kafka, kafka.topics().quotes())) {
      AlphaVantageIngest job =
          AlphaVantageIngest.create(
              alphaVantage, key, marksFile(), quarantine, bars, quotes, Clock.systemUTC());
      started.run();
      Instant deadline = duration.map(Instant.now()::plus).orElse(Instant.MAX);
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
          // Stopping: the flag stays clear so the producers below close cleanly.
          break;
        }
      } while (Instant.now().isBefore(deadline));
      return published;
    }
  }

  private Path marksFile() {
    return stateDirectory.resolve("high-water-marks.properties");
  }
}
