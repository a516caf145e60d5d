package io.marketlambda.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.view.Movers;
import io.marketlambda.serving.view.ServedBar;
import io.marketlambda.serving.view.ServingViews;
import io.marketlambda.serving.view.SymbolSummary;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP JSON API and chart page of the serving layer (Javalin on Jetty), described by the
 * OpenAPI 3 document at {@code /openapi.json}.
 *
 * <pre>
 * GET /health                          liveness                               no key
 * GET /ready                           HBase and batch views reachable        no key
 * GET /openapi.json                    this API                               no key
 * GET /                                candlestick chart page                 no key (asks for one)
 * GET /v1/symbols?q=&amp;limit=            symbols of the batch views             key
 * GET /v1/symbols/{symbol}/quote       latest trade                           key
 * GET /v1/symbols/{symbol}/bars        interval, from, to, limit, cursor      key
 * GET /v1/symbols/{symbol}/indicators  interval 1d or 1m, from, to, ...       key
 * GET /v1/symbols/{symbol}/alerts      from, to, limit, cursor                key
 * GET /v1/movers?limit=                the day's gainers and losers           key
 * </pre>
 *
 * Bars have the fields of common market-data APIs: {@code t} start (ISO-8601 UTC), {@code o h l c}
 * USD, {@code v} shares, {@code vw} VWAP USD, {@code n} trades, plus {@code src} (batch, realtime
 * or merged). Errors are {@code {"error": {"status": 400, "message": "..."}}}: 400 malformed or too
 * large, 401 no or unknown key (header {@value ApiKeys#HEADER}), 404 unknown symbol or path, 429
 * over the key's rate limit (with {@code Retry-After}), 503 HBase unreachable.
 */
public final class HttpApi implements AutoCloseable {
  /** The paths, as the OpenAPI document lists them. */
  static final List<String> PATHS =
      List.of(
          "/health",
          "/ready",
          "/openapi.json",
          "/v1/symbols",
          "/v1/symbols/{symbol}/quote",
          "/v1/symbols/{symbol}/bars",
          "/v1/symbols/{symbol}/indicators",
          "/v1/symbols/{symbol}/alerts",
          "/v1/movers");

  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final String JSON = "application/json";
  private static final String ERROR_WRITTEN = "marketlambda.error";

  private final ServingViews views;
  private final Runnable readiness;
  private final ServingConfig config;
  private final ApiKeys keys;
  private final RateLimits rateLimits;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong served = new AtomicLong();
  private final byte[] openApi;
  private Javalin app;

  /**
   * @param views the merged views
   * @param readiness throws when HBase or the realtime tables cannot be reached
   * @param config host, port, keys file, rate limit and page size
   * @throws IllegalArgumentException when the API keys file is missing or empty
   */
  public HttpApi(ServingViews views, Runnable readiness, ServingConfig config, Clock clock) {
    this.views = views;
    this.readiness = readiness;
    this.config = config;
    this.keys = ApiKeys.load(config.apiKeysFile());
    this.rateLimits = new RateLimits(config.requestsPerSecond());
    this.clock = clock;
    this.openApi = OpenApiDocument.bytes();
  }

  /** Seconds a client is told to wait after a 503. */
  static final long RETRY_AFTER_SECONDS = 2;

  /** How long one readiness check answers {@code /ready}. */
  static final Duration READY_CACHE = Duration.ofSeconds(1);

  private final java.util.concurrent.atomic.AtomicReference<Readiness> lastReadiness =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * Starts the server.
   *
   * @return the port it listens on
   */
  public int start() {
    app =
        Javalin.create(
            javalin -> {
              javalin.showJavalinBanner = false;
              javalin.staticFiles.add("/io/marketlambda/serving/web", Location.CLASSPATH);
            });
    app.before("/v1/*", this::authorize);
    app.after(ctx -> served.incrementAndGet());
    app.get("/health", ctx -> ok(ctx, Map.of("status", "UP")));
    app.get("/ready", this::ready);
    app.get("/openapi.json", ctx -> ctx.contentType(JSON).result(openApi));
    app.get("/v1/symbols", this::symbols);
    app.get("/v1/symbols/{symbol}/quote", this::quote);
    app.get("/v1/symbols/{symbol}/bars", this::bars);
    app.get("/v1/symbols/{symbol}/indicators", this::indicators);
    app.get("/v1/symbols/{symbol}/alerts", this::alerts);
    app.get("/v1/movers", this::movers);
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    app.exception(
        UncheckedIOException.class,
        (e, ctx) -> {
          // The cause (hosts, tables) is for the operator's log, never for clients.
          log.warn("{} {}: backend unavailable: {}", ctx.method(), ctx.path(), reason(e));
          ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
          error(
              ctx,
              503,
              "The views are unavailable for a moment; retry after " + RETRY_AFTER_SECONDS + " s");
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "Internal error; the server log has the details");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            error(ctx, 404, "No such path: " + ctx.path() + "; see /openapi.json");
          }
        });
    app.start(config.host(), config.port());
    return app.port();
  }

  /** Requests answered so far, errors included. */
  public long requestsServed() {
    return served.get();
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }

  /** A 429 whose {@code Retry-After} header and message give {@code wait} in whole seconds. */
  private static ApiException tooManyRequests(Context ctx, Duration wait, String problem) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ctx.header("Retry-After", Long.toString(seconds));
    return new ApiException(429, problem + "; retry after " + seconds + " s");
  }

  private void authorize(Context ctx) {
    String key = ctx.header(ApiKeys.HEADER);
    boolean missing = key == null || key.isBlank();
    if (missing || !keys.accepts(key)) {
      Optional<Duration> wait = rateLimits.tryFailedAuthentication(ctx.ip());
      if (wait.isPresent()) {
        throw tooManyRequests(
            ctx, wait.get(), "Too many requests without a valid API key from this address");
      }
      throw new ApiException(
          401,
          missing
              ? "Missing API key: send it in the " + ApiKeys.HEADER + " header"
              : "Unknown API key in the " + ApiKeys.HEADER + " header");
    }
    Optional<Duration> wait = rateLimits.tryTake(key);
    if (wait.isPresent()) {
      throw tooManyRequests(
          ctx,
          wait.get(),
          "Rate limit of "
              + config.requestsPerSecond()
              + " requests per second for this key exceeded");
    }
  }

  /**
   * {@code /ready} needs no key: it answers from a check at most {@link #READY_CACHE} old, so that
   * callers cannot make it hit HBase at their rate, and names no host or table (the server log
   * does).
   */
  private void ready(Context ctx) {
    Readiness readiness = currentReadiness();
    boolean ready = "READY".equals(readiness.body().get("status"));
    ctx.status(ready ? 200 : 503);
    if (!ready) {
      ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    }
    ok(ctx, readiness.body());
  }

  private Readiness currentReadiness() {
    long now = System.nanoTime();
    Readiness last = lastReadiness.get();
    if (last != null && now - last.checkedNanos() < READY_CACHE.toNanos()) {
      return last;
    }
    synchronized (lastReadiness) {
      last = lastReadiness.get();
      if (last != null && System.nanoTime() - last.checkedNanos() < READY_CACHE.toNanos()) {
        return last;
      }
      Readiness checked = checkReadiness();
      lastReadiness.set(checked);
      return checked;
    }
  }

  private Readiness checkReadiness() {
    List<String> reasons = new ArrayList<>();
    Optional<BatchViewPointer> batch = Optional.empty();
    try {
      readiness.run();
      batch = views.batchViews();
      if (batch.isEmpty()) {
        reasons.add("no batch views yet: run marketlambda batch with batch.serving-copy=true");
      }
    } catch (RuntimeException e) {
      log.warn("Not ready: {}", reason(e));
      reasons.add("the views' store is unavailable");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
    batch.ifPresent(
        pointer -> {
          body.put("batch_run", pointer.runId());
          body.put("batch_run_date", pointer.runDate().toString());
          body.put("symbols", pointer.watermarks().size());
        });
    body.put("reasons", reasons);
    return new Readiness(java.util.Collections.unmodifiableMap(body), System.nanoTime());
  }

  /** One readiness check: the body {@code /ready} answers, and when it was checked. */
  private record Readiness(Map<String, Object> body, long checkedNanos) {}

  private void symbols(Context ctx) {
    String prefix = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    String limitText = ctx.queryParam("limit");
    int limit = limitText == null ? 100 : RangeQuery.integer("limit", limitText, 1000);
    List<Map<String, Object>> results = new ArrayList<>();
    for (SymbolSummary summary : views.symbols(prefix, limit)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("symbol", summary.symbol().value());
      row.put("batch_watermark", summary.batchWatermark().toString());
      results.add(row);
    }
    ok(ctx, Map.of("count", results.size(), "results", results));
  }

  private void quote(Context ctx) {
    Symbol symbol = knownSymbol(ctx);
    Quote quote =
        views
            .latestQuote(symbol)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No realtime quote for "
                            + symbol
                            + ": the speed layer has seen no trade of it within the realtime"
                            + " views' time to live"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol.value());
    body.put("t", quote.eventTime().toString());
    body.put("p", quote.priceUsd());
    body.put("s", quote.sizeShares());
    body.put("src", quote.source());
    body.put("seq", quote.sequence());
    ok(ctx, body);
  }

  private void bars(Context ctx) {
    Symbol symbol = knownSymbol(ctx);
    BarInterval interval = interval(ctx, "1d");
    RangeQuery range = range(ctx, symbol, interval, defaultSpan(interval));
    // One read of the pointer for the bars and the watermark the answer reports beside them.
    Optional<BatchViewPointer> run = views.batchViews();
    List<ServedBar> bars = views.bars(run, symbol, interval, range.from(), range.to());
    page(ctx, symbol, interval, range, run, bars, served -> served.bar().start(), ApiJson::bar);
  }

  private void indicators(Context ctx) {
    Symbol symbol = knownSymbol(ctx);
    BarInterval interval = interval(ctx, "1d");
    if (interval != BarInterval.ONE_DAY && interval != BarInterval.ONE_MINUTE) {
      throw ApiException.badRequest(
          "Cannot serve indicators of interval " + interval.code() + ": expected 1d or 1m");
    }
    RangeQuery range = range(ctx, symbol, interval, defaultSpan(interval));
    Optional<BatchViewPointer> run = views.batchViews();
    List<Map.Entry<Instant, Map<String, Double>>> rows =
        interval == BarInterval.ONE_DAY
            ? views.dailyIndicators(run, symbol, range.from(), range.to()).stream()
                .map(row -> Map.entry(row.barStart(), row.values()))
                .toList()
            : views.intradayIndicators(symbol, range.from(), range.to()).stream()
                .map(row -> Map.entry(row.barStart(), ApiJson.byColumn(row.values())))
                .toList();
    page(
        ctx,
        symbol,
        interval,
        range,
        run,
        rows,
        Map.Entry::getKey,
        row -> ApiJson.values(row.getKey(), row.getValue()));
  }

  private void alerts(Context ctx) {
    Symbol symbol = knownSymbol(ctx);
    RangeQuery range = range(ctx, symbol, BarInterval.ONE_MINUTE, Duration.ofDays(1));
    List<Alert> alerts = views.alerts(symbol, range.from(), range.to());
    page(
        ctx,
        symbol,
        BarInterval.ONE_MINUTE,
        range,
        views.batchViews(),
        alerts,
        Alert::time,
        ApiJson::alert);
  }

  private void movers(Context ctx) {
    String limitText = ctx.queryParam("limit");
    int limit = limitText == null ? 10 : RangeQuery.integer("limit", limitText, 100);
    Movers movers = views.topMovers(limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("gainers", movers.gainers().stream().map(ApiJson::mover).toList());
    body.put("losers", movers.losers().stream().map(ApiJson::mover).toList());
    ok(ctx, body);
  }

  private <T> void page(
      Context ctx,
      Symbol symbol,
      BarInterval interval,
      RangeQuery range,
      Optional<BatchViewPointer> run,
      List<T> rows,
      Function<T, Instant> time,
      Function<T, Map<String, Object>> toJson) {
    List<T> page = rows.size() > range.limit() ? rows.subList(0, range.limit()) : rows;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol.value());
    body.put("interval", interval.code());
    body.put("from", range.from().toString());
    body.put("to", range.to().toString());
    body.put(
        "batch_watermark",
        run.flatMap(v -> v.watermarkOf(symbol)).map(Instant::toString).orElse(null));
    body.put("count", page.size());
    body.put("results", page.stream().map(toJson).toList());
    body.put(
        "next_cursor",
        rows.size() > range.limit()
            ? RangeQuery.encodeCursor(time.apply(rows.get(range.limit())))
            : null);
    ok(ctx, body);
  }

  private Symbol knownSymbol(Context ctx) {
    String text = ctx.pathParam("symbol");
    Symbol symbol;
    try {
      symbol = Symbol.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Cannot parse symbol \"" + text + "\": " + e.getMessage());
    }
    if (!views.knows(symbol)) {
      throw ApiException.notFound(
          "Unknown symbol " + symbol + ": neither the batch nor the realtime views hold it");
    }
    return symbol;
  }

  private BarInterval interval(Context ctx, String fallback) {
    String text = Optional.ofNullable(ctx.queryParam("interval")).orElse(fallback);
    try {
      return BarInterval.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /**
   * The request's range; {@code to} left out is just after the newest data the views hold for the
   * symbol ({@link ServingViews#newestTime}), or now when that is later or there is none: on
   * recorded history an open range answers with its last day, not an empty today.
   */
  private RangeQuery range(Context ctx, Symbol symbol, BarInterval interval, Duration defaultSpan) {
    Instant now = clock.instant();
    Instant end =
        ctx.queryParam("to") != null
            ? now
            : views
                .newestTime(symbol)
                .map(newest -> newest.plusMillis(1))
                .filter(newest -> newest.isBefore(now))
                .orElse(now);
    return RangeQuery.parse(
        ctx.queryParam("from"),
        ctx.queryParam("to"),
        ctx.queryParam("limit"),
        ctx.queryParam("cursor"),
        defaultSpan,
        RangeQuery.maxSpan(interval),
        config.maxPageSize(),
        end);
  }

  private static Duration defaultSpan(BarInterval interval) {
    return interval.isIntraday() ? Duration.ofDays(1) : Duration.ofDays(366);
  }

  private void ok(Context ctx, Object body) {
    try {
      ctx.contentType(JSON).result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON of " + ctx.path(), e);
    }
  }

  /** The message of a failure without the class names a wrapped cause's message starts with. */
  private static String reason(Throwable failure) {
    Throwable cause = failure.getCause();
    String message = failure.getMessage();
    if (cause != null && (message == null || message.equals(cause.toString()))) {
      message = cause.getMessage();
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  private void error(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ok(ctx, Map.of("error", Map.of("status", status, "message", message)));
  }
}
