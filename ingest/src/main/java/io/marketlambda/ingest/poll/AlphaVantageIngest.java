package io.marketlambda.ingest.poll;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.ingest.poll.HighWaterMarks.Mark;
import io.marketlambda.ingest.sink.EventSink;
import io.marketlambda.ingest.sink.PublishStats;
import io.marketlambda.sources.alphavantage.AlphaVantageClient;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageException;
import io.marketlambda.sources.alphavantage.AlphaVantageFunction;
import io.marketlambda.sources.alphavantage.AlphaVantageParser;
import io.marketlambda.sources.alphavantage.AlphaVantageQuotaException;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.GlobalQuote;
import io.marketlambda.sources.alphavantage.MarketStatus;
import io.marketlambda.sources.alphavantage.MaskedApiKey;
import io.marketlambda.sources.alphavantage.QuotaLedger;
import io.marketlambda.sources.alphavantage.Sleeper;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of Alpha Vantage after another ({@link PollLoop} runs them for {@code marketlambda
 * ingest alphavantage}): within the plan's quota, publishes each new bar (to the bars topic) or
 * last-price quote (to the quotes topic) once.
 *
 * <p>Each {@link #pollOnce cycle}: outside the US equity session nothing is called; otherwise the
 * {@link QuotaPlanner} picks the requests the quota allows now (by priority, stalest first), each
 * is fetched and parsed, records newer than the request's {@link HighWaterMarks high-water mark}
 * are published, and once the broker acknowledged them the mark moves. An intraday bar that has not
 * ended yet is left for a later cycle. A request that fails is logged with the API's own text and
 * left for the next cycle; a spent daily quota ends the cycle.
 */
public final class AlphaVantageIngest {
  private static final Logger log = LoggerFactory.getLogger(AlphaVantageIngest.class);

  private final AlphaVantageClient client;
  private final AlphaVantageParser parser;
  private final QuotaPlanner planner;
  private final MarketHours marketHours;
  private final HighWaterMarks marks;
  private final EventSink<Bar> bars;
  private final EventSink<Quote> quotes;
  private final Clock clock;

  AlphaVantageIngest(
      AlphaVantageClient client,
      AlphaVantageParser parser,
      QuotaPlanner planner,
      MarketHours marketHours,
      HighWaterMarks marks,
      EventSink<Bar> bars,
      EventSink<Quote> quotes,
      Clock clock) {
    this.client = client;
    this.parser = parser;
    this.planner = planner;
    this.marketHours = marketHours;
    this.marks = marks;
    this.bars = bars;
    this.quotes = quotes;
    this.clock = clock;
  }

  /**
   * Wires the job from its configuration: a client and quota ledger on {@code config}, high-water
   * marks in {@code marksFile}, rejected rows into {@code quarantine}.
   */
  public static AlphaVantageIngest create(
      AlphaVantageConfig config,
      MaskedApiKey apiKey,
      Path marksFile,
      Quarantine quarantine,
      EventSink<Bar> bars,
      EventSink<Quote> quotes,
      Clock clock) {
    QuotaLedger ledger = new QuotaLedger(config.quotaLimits(), config.stateFile(), clock.instant());
    AlphaVantageClient client =
        new AlphaVantageClient(config, apiKey, clock, Sleeper.THREAD, ledger);
    AlphaVantageParser parser = new AlphaVantageParser(config.intradayLabel(), quarantine);
    MarketHours hours = new MarketHours(() -> marketStatus(client, parser));
    return new AlphaVantageIngest(
        client,
        parser,
        new QuotaPlanner(ledger, clock),
        hours,
        HighWaterMarks.load(marksFile),
        bars,
        quotes,
        clock);
  }

  private static List<MarketStatus> marketStatus(
      AlphaVantageClient client, AlphaVantageParser parser) {
    AlphaVantageRequest request = AlphaVantageRequest.marketStatus();
    try {
      return parser.parseMarketStatus(request, client.fetch(request), request.describe()).records();
    } catch (AlphaVantageException e) {
      log.warn("{}; assuming the regular session 09:30-16:00 New York today", e.getMessage());
      return List.of();
    }
  }

  /**
   * The plan a cycle would follow now, for {@code --dry-run}: reads the quota state and the
   * high-water marks, calls nothing, needs no API key.
   */
  public static FetchPlan plan(
      AlphaVantageConfig config, Path marksFile, Clock clock, List<AlphaVantageRequest> requests) {
    QuotaLedger ledger = new QuotaLedger(config.quotaLimits(), config.stateFile(), clock.instant());
    return new QuotaPlanner(ledger, clock).plan(targets(requests, HighWaterMarks.load(marksFile)));
  }

  /**
   * Runs one cycle over {@code requests}.
   *
   * @return what the cycle did
   */
  public CycleSummary pollOnce(List<AlphaVantageRequest> requests) {
    Instant now = clock.instant();
    if (!marketHours.isSession(now)) {
      return new CycleSummary(now, false, 0, 0, 0, List.of());
    }
    FetchPlan plan = planner.plan(targets(requests, marks));
    int called = 0;
    long published = 0;
    List<String> failures = new ArrayList<>();
    for (FetchTarget target : plan.callNow()) {
      AlphaVantageRequest request = target.request();
      try {
        published += fetchAndPublish(request);
        called++;
      } catch (AlphaVantageQuotaException e) {
        failures.add(e.getMessage());
        log.warn("{}; stopping this cycle", e.getMessage());
        break;
      } catch (AlphaVantageException | IllegalStateException e) {
        called++;
        failures.add(e.getMessage());
        log.warn("{}; will retry next cycle", e.getMessage());
      }
    }
    return new CycleSummary(now, true, called, published, plan.deferred().size(), failures);
  }

  private long fetchAndPublish(AlphaVantageRequest request) {
    String body = client.fetch(request);
    Instant fetched = clock.instant();
    Optional<Mark> mark = marks.published(request);
    List<Mark> sent = new ArrayList<>();
    if (request.function() == AlphaVantageFunction.GLOBAL_QUOTE) {
      PublishStats before = quotes.flush();
      for (GlobalQuote global :
          parser.parseGlobalQuote(request, body, request.describe()).records()) {
        Quote quote = global.quote();
        Mark position = new Mark(quote.eventTime(), quote.sequence());
        if (mark.map(m -> position.compareTo(m) > 0).orElse(true)) {
          quotes.publish(quote);
          sent.add(position);
        }
      }
      requireAcknowledged(quotes.flush().since(before), request);
    } else {
      // Alpha Vantage lists the newest bar first; the topic gets them in time order.
      List<Bar> parsed = parser.parseBars(request, body, request.describe()).records();
      PublishStats before = bars.flush();
      for (Bar bar : parsed.stream().sorted(Comparator.comparing(Bar::start)).toList()) {
        Mark position = new Mark(bar.start(), 0);
        boolean ended = !bar.end().isAfter(fetched);
        if (ended && mark.map(m -> position.compareTo(m) > 0).orElse(true)) {
          bars.publish(bar);
          sent.add(position);
        }
      }
      requireAcknowledged(bars.flush().since(before), request);
    }
    Optional<Mark> newest = sent.stream().max(Mark::compareTo);
    marks.record(request, fetched, newest);
    marks.save();
    log.info("{}: published {} new records", request.describe(), sent.size());
    return sent.size();
  }

  /** Throws unless every record of this request was stored ({@code stats} of the request alone). */
  private static void requireAcknowledged(PublishStats stats, AlphaVantageRequest request) {
    if (stats.failed() > 0) {
      throw new IllegalStateException(
          "Cannot publish "
              + request.describe()
              + ": "
              + stats.failed()
              + " records failed ("
              + stats.latestFailure().orElse("no reason given")
              + "); the high-water mark stays, the next cycle publishes them again");
    }
  }

  private static List<FetchTarget> targets(
      List<AlphaVantageRequest> requests, HighWaterMarks marks) {
    List<FetchTarget> targets = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      AlphaVantageRequest request = requests.get(i);
      targets.add(
          new FetchTarget(request, requests.size() - i, marks.lastSuccess(request).orElse(null)));
    }
    return targets;
  }

  /**
   * What one cycle did.
   *
   * @param at when the cycle started (UTC)
   * @param inSession whether the US equity session was on; nothing is called outside it
   * @param called requests called
   * @param published records published and acknowledged
   * @param deferred requests the quota left for later
   * @param failures the messages of failed requests
   */
  public record CycleSummary(
      Instant at,
      boolean inSession,
      int called,
      long published,
      int deferred,
      List<String> failures) {
    public CycleSummary {
      failures = List.copyOf(failures);
    }

    @Override
    public String toString() {
      return inSession
          ? "cycle at %s: called %d, published %d, deferred %d, failed %d"
              .formatted(at, called, published, deferred, failures.size())
          : "cycle at " + at + ": outside the US equity session, nothing called";
    }
  }
}
