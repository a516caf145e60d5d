package io.marketlambda.serving.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.IndicatorCells;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.view.InMemoryViews;
import io.marketlambda.serving.view.ServingViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over in-memory views: shapes, paging, keys, limits and errors, over real HTTP. */
class HttpApiTest {
  private static final String KEY = "test-key-1";
  private static final Symbol IBM = new Symbol("IBM");
  private static final LocalDate FIRST = LocalDate.of(2013, 9, 2);
  private static final LocalDate LAST = LocalDate.of(2013, 10, 4);

  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryViews.Realtime realtime = new InMemoryViews.Realtime();
  private final InMemoryViews.Batch batch = new InMemoryViews.Batch();
  private final List<Bar> dailyBars = new ArrayList<>();
  private HttpApi api;
  private String base;
  private Clock clock = Clock.fixed(MarketTime.startOf(LAST.plusDays(3)), ZoneOffset.UTC);

  private void start(int requestsPerSecond, Runnable readiness, ServingViews views)
      throws IOException {
    Path keys = dir.resolve("api-keys");
    Files.writeString(keys, "# keys of the test\n\n  " + KEY + "  \nother-key\n");
    ServingConfig config =
        new ServingConfig(
            Map.of(),
            new HBaseViewsConfig("marketlambda", 16),
            "127.0.0.1",
            0,
            keys,
            requestsPerSecond,
            Duration.ofSeconds(5),
            100);
    api = new HttpApi(views, readiness, config, clock);
    base = "http://127.0.0.1:" + api.start();
  }

  private void startWithViews() throws IOException {
    batch.pointTo(
        new BatchViewPointer(
            "batch_views_r1", "r1", LAST, Map.of(IBM, MarketTime.startOf(LAST.plusDays(1)))));
    double price = 180;
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() <= 5) {
        Bar bar =
            new Bar(
                IBM,
                BarInterval.ONE_DAY,
                MarketTime.startOf(day),
                price,
                price + 1,
                price - 1,
                price + 0.5,
                1000,
                price,
                10);
        dailyBars.add(bar);
        batch.put(bar);
        price += 0.25;
      }
    }
    realtime.put(
        new Quote(IBM, MarketTime.regularOpenOf(LAST.plusDays(3)), 190.25, 200, "lean", 7));
    start(1000, () -> {}, new ServingViews(realtime, batch));
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void healthAndTheOpenApiDocumentNeedNoKeyAndTheDocumentListsEveryPath() throws Exception {
    startWithViews();

    assertThat(get("/health", null).statusCode()).isEqualTo(200);
    HttpResponse<String> openApi = get("/openapi.json", null);
    assertThat(openApi.statusCode()).isEqualTo(200);
    JsonNode doc = json.readTree(openApi.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> paths = new HashSet<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrderElementsOf(HttpApi.PATHS);
    assertThat(doc.at("/components/securitySchemes/apiKey/name").asText())
        .isEqualTo(ApiKeys.HEADER);
  }

  @Test
  void requestsWithoutAKnownKeyAreRejected() throws Exception {
    startWithViews();

    HttpResponse<String> none = get("/v1/symbols/IBM/bars", null);
    HttpResponse<String> wrong = get("/v1/symbols/IBM/bars", "not-a-key");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(message(none)).contains("Missing API key").contains(ApiKeys.HEADER);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(message(wrong)).contains("Unknown API key");
    assertThat(get("/v1/symbols/IBM/bars", "other-key").statusCode()).isEqualTo(200);
  }

  @Test
  void barsHaveTheFieldsOfMarketDataApisAndPageWithoutGapOrRepeat() throws Exception {
    startWithViews();

    List<JsonNode> all = new ArrayList<>();
    String path = "/v1/symbols/ibm/bars?interval=1d&from=" + FIRST + "&to=" + LAST + "&limit=7";
    int pages = 0;
    while (path != null) {
      JsonNode page = json.readTree(get(path, KEY).body());
      page.get("results").forEach(all::add);
      pages++;
      JsonNode next = page.get("next_cursor");
      path =
          next.isNull()
              ? null
              : "/v1/symbols/IBM/bars?interval=1d&from="
                  + FIRST
                  + "&to="
                  + LAST
                  + "&limit=7&cursor="
                  + next.asText();
    }

    assertThat(pages).isEqualTo((dailyBars.size() + 6) / 7);
    assertThat(all).hasSameSizeAs(dailyBars);
    for (int i = 0; i < all.size(); i++) {
      JsonNode row = all.get(i);
      Bar expected = dailyBars.get(i);
      assertThat(row.get("t").asText()).isEqualTo(expected.start().toString());
      assertThat(row.get("o").asDouble()).isEqualTo(expected.openUsd());
      assertThat(row.get("h").asDouble()).isEqualTo(expected.highUsd());
      assertThat(row.get("l").asDouble()).isEqualTo(expected.lowUsd());
      assertThat(row.get("c").asDouble()).isEqualTo(expected.closeUsd());
      assertThat(row.get("v").asDouble()).isEqualTo(expected.volumeShares());
      assertThat(row.get("vw").asDouble()).isEqualTo(expected.vwapUsd());
      assertThat(row.get("n").asLong()).isEqualTo(expected.tradeCount());
      assertThat(row.get("src").asText()).isEqualTo("batch");
    }
  }

  @Test
  void intradayIndicatorsAreNamedAsTheTablesNameThem() throws Exception {
    startWithViews();
    Instant bar = MarketTime.regularOpenOf(LAST.plusDays(3));
    Map<String, Double> byQualifier = new java.util.HashMap<>();
    for (String qualifier : IndicatorCells.ALL) {
      byQualifier.put(qualifier, Double.NaN);
    }
    byQualifier.put("c", 190.25);
    byQualifier.put("v", 200.0);
    byQualifier.put("sma5", 190.5);
    byQualifier.put("vwap", 190.3);
    realtime.put(new IndicatorSnapshot(IBM, bar, byQualifier));

    JsonNode row =
        json.readTree(
                get(
                        "/v1/symbols/IBM/indicators?interval=1m&from="
                            + bar.minusSeconds(3600)
                            + "&to="
                            + bar.plusSeconds(3600),
                        KEY)
                    .body())
            .get("results")
            .get(0);

    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "t",
            "close_usd",
            "volume_shares",
            "sma_5_usd",
            "sma_15_usd",
            "sma_60_usd",
            "ema_5_usd",
            "ema_15_usd",
            "ema_60_usd",
            "session_vwap_usd",
            "realized_vol_30",
            "change_5",
            "volume_zscore_30",
            "opening_gap");
    assertThat(row.get("t").asText()).isEqualTo(bar.toString());
    assertThat(row.get("close_usd").asDouble()).isEqualTo(190.25);
    assertThat(row.get("volume_shares").asDouble()).isEqualTo(200.0);
    assertThat(row.get("sma_5_usd").asDouble()).isEqualTo(190.5);
    assertThat(row.get("session_vwap_usd").asDouble()).isEqualTo(190.3);
    assertThat(row.get("sma_15_usd").isNull()).isTrue();
  }

  /**
   * A serving copy swapped between any two reads of its pointer (as a batch run's export does under
   * load): each answer reports the batch watermark of the run its bars came from.
   */
  @Test
  void anAnswerReportsTheBatchWatermarkOfTheRunItsBarsCameFrom() throws Exception {
    startWithViews(); // for the daily bars
    api.close();
    BatchViewPointer older =
        new BatchViewPointer(
            "batch_views_r0",
            "r0",
            LAST.minusDays(7),
            Map.of(IBM, MarketTime.startOf(LAST.minusDays(6))));
    BatchViewPointer newer =
        new BatchViewPointer(
            "batch_views_r1", "r1", LAST, Map.of(IBM, MarketTime.startOf(LAST.plusDays(1))));
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    io.marketlambda.core.view.BatchView swapping =
        new io.marketlambda.core.view.BatchView() {
          @Override
          public java.util.Optional<BatchViewPointer> current() {
            return java.util.Optional.of(reads.getAndIncrement() % 3 == 0 ? older : newer);
          }

          @Override
          public List<Bar> bars(
              BatchViewPointer views,
              Symbol symbol,
              BarInterval interval,
              java.time.Instant from,
              java.time.Instant to) {
            java.time.Instant watermark = views.watermarkOf(symbol).orElseThrow();
            return dailyBars.stream()
                .filter(bar -> bar.start().isBefore(watermark))
                .filter(bar -> !bar.start().isBefore(from) && bar.start().isBefore(to))
                .sorted(java.util.Comparator.comparing(Bar::start).reversed())
                .toList();
          }

          @Override
          public List<io.marketlambda.core.view.DailyIndicatorValues> dailyIndicators(
              BatchViewPointer views, Symbol symbol, java.time.Instant from, java.time.Instant to) {
            return List.of();
          }
        };
    start(1000, () -> {}, new ServingViews(new InMemoryViews.Realtime(), swapping));

    Map<String, Integer> countByWatermark = new java.util.TreeMap<>();
    for (int i = 0; i < 8; i++) {
      JsonNode body =
          json.readTree(
              get("/v1/symbols/IBM/bars?interval=1d&from=" + FIRST + "&to=" + LAST.plusDays(1), KEY)
                  .body());
      Integer before =
          countByWatermark.put(body.get("batch_watermark").asText(), body.get("count").asInt());
      assertThat(before == null || before == body.get("count").asInt()).isTrue();
    }

    long olderDays =
        dailyBars.stream()
            .filter(bar -> bar.start().isBefore(MarketTime.startOf(LAST.minusDays(6))))
            .count();
    assertThat(countByWatermark)
        .containsEntry(MarketTime.startOf(LAST.minusDays(6)).toString(), (int) olderDays)
        .containsEntry(MarketTime.startOf(LAST.plusDays(1)).toString(), dailyBars.size());
  }

  @Test
  void aRangeLeftOpenEndsAtTheNewestDataOfTheSymbolNotTheWallClock() throws Exception {
    clock = Clock.fixed(java.time.Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);
    startWithViews();
    java.time.Instant latestQuote = MarketTime.regularOpenOf(LAST.plusDays(3));

    JsonNode bars = json.readTree(get("/v1/symbols/IBM/bars?interval=1d", KEY).body());
    JsonNode alerts = json.readTree(get("/v1/symbols/IBM/alerts", KEY).body());
    JsonNode given =
        json.readTree(get("/v1/symbols/IBM/bars?interval=1d&to=2026-12-04", KEY).body());

    assertThat(bars.get("to").asText()).isEqualTo(latestQuote.plusMillis(1).toString());
    assertThat(bars.get("count").asInt()).isEqualTo(dailyBars.size());
    assertThat(alerts.get("to").asText()).isEqualTo(latestQuote.plusMillis(1).toString());
    assertThat(alerts.get("from").asText())
        .isEqualTo(latestQuote.plusMillis(1).minus(Duration.ofDays(1)).toString());
    assertThat(given.get("count").asInt()).isZero();
  }

  @Test
  void theLatestQuoteAndTheMoversAnswer() throws Exception {
    startWithViews();

    JsonNode quote = json.readTree(get("/v1/symbols/IBM/quote", KEY).body());
    JsonNode movers = json.readTree(get("/v1/movers", KEY).body());

    assertThat(quote.get("p").asDouble()).isEqualTo(190.25);
    assertThat(quote.get("t").asText())
        .isEqualTo(MarketTime.regularOpenOf(LAST.plusDays(3)).toString());
    double lastClose = dailyBars.get(dailyBars.size() - 1).closeUsd();
    assertThat(movers.at("/gainers/0/symbol").asText()).isEqualTo("IBM");
    assertThat(movers.at("/gainers/0/previous_close").asDouble()).isEqualTo(lastClose);
  }

  @Test
  void badRequestsGetA4xxWithTheReason() throws Exception {
    startWithViews();

    assertError(get("/v1/symbols/XYZ/bars", KEY), 404, "Unknown symbol XYZ");
    assertError(
        get("/v1/symbols/IBM/bars?from=2013-13-01", KEY), 400, "Cannot parse from \"2013-13-01\"");
    assertError(get("/v1/symbols/IBM/bars?interval=2d", KEY), 400, "\"2d\" is not one of");
    assertError(
        get("/v1/symbols/IBM/bars?interval=1m&from=2013-09-01&to=2013-10-01", KEY),
        400,
        "more than the 7 days");
    assertError(get("/v1/symbols/IBM/bars?from=2013-10-04&to=2013-10-01", KEY), 400, "is after to");
    assertError(get("/v1/symbols/IBM/bars?limit=0", KEY), 400, "Cannot use limit \"0\"");
    assertError(get("/v1/symbols/IBM/bars?cursor=%21%21", KEY), 400, "Cannot use cursor");
    assertError(get("/v1/symbols/IBM/indicators?interval=5m", KEY), 400, "expected 1d or 1m");
    assertError(get("/v1/symbols/I%20BM/quote", KEY), 400, "Cannot parse symbol");
    // Ranges outside what epoch milliseconds and ISO dates hold are the caller's error, not a 500.
    assertError(
        get("/v1/symbols/IBM/bars?interval=1d&from=1969-12-01&to=1970-01-05", KEY),
        400,
        "Cannot use from \"1969-12-01\": expected a time from 1970-01-01T00:00:00Z");
    assertError(
        get("/v1/symbols/IBM/bars?interval=1d&to=%2B999999999-12-31T23:59:59Z", KEY),
        400,
        "Cannot use to \"+999999999-12-31T23:59:59Z\"");
    // A default range reaching before 1970 starts at 1970.
    assertThat(get("/v1/symbols/IBM/bars?interval=1d&to=1970-01-02", KEY).statusCode())
        .isEqualTo(200);
    assertError(get("/v2/nothing", KEY), 404, "No such path");
  }

  @Test
  void guessingKeysIsLimitedPerAddressWhileAValidKeyStillWorks() throws Exception {
    startWithViews();
    List<Integer> statuses = new java.util.ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < RateLimits.FAILED_AUTH_PER_MINUTE + 5; i++) {
      last = get("/v1/symbols/IBM/quote", "guess-" + i);
      statuses.add(last.statusCode());
    }

    assertThat(statuses.subList(0, RateLimits.FAILED_AUTH_PER_MINUTE)).containsOnly(401);
    assertThat(statuses.subList(RateLimits.FAILED_AUTH_PER_MINUTE, statuses.size()))
        .containsOnly(429);
    assertError(last, 429, "Too many requests without a valid API key from this address");
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(get("/v1/symbols/IBM/quote", KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void aKeyOverItsRateLimitGets429WithRetryAfter() throws Exception {
    batch.pointTo(new BatchViewPointer("t", "r", LAST, Map.of(IBM, MarketTime.startOf(LAST))));
    start(3, () -> {}, new ServingViews(realtime, batch));

    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> response = get("/v1/symbols", KEY);
      statuses.add(response.statusCode());
      if (response.statusCode() == 429) {
        limited = response;
      }
    }

    assertThat(statuses.subList(0, 3)).containsOnly(200);
    assertThat(statuses).contains(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(message(limited)).contains("Rate limit of 3 requests per second");
    assertThat(get("/v1/symbols", "other-key").statusCode())
        .as("other keys have their own bucket")
        .isEqualTo(200);
  }

  @Test
  void anUnreachableBackendAnswers503AndNotReady() throws Exception {
    InMemoryViews.Realtime down =
        new InMemoryViews.Realtime() {
          @Override
          public java.util.Optional<Quote> latestQuote(Symbol symbol) {
            throw new UncheckedIOException(
                new IOException("Connection refused: zk 127.0.0.1:2181"));
          }
        };
    start(
        100,
        () -> {
          throw new UncheckedIOException(new IOException("Cannot reach HBase"));
        },
        new ServingViews(down, new InMemoryViews.Batch()));

    HttpResponse<String> quote = get("/v1/symbols/IBM/quote", KEY);
    assertError(quote, 503, "The views are unavailable for a moment; retry after 2 s");
    assertThat(quote.headers().firstValue("Retry-After")).hasValue("2");
    HttpResponse<String> ready = get("/ready", null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(json.readTree(ready.body()).get("reasons").toString())
        .contains("the views' store is unavailable");
    // What the backend said (hosts, ports, tables) stays in the server log.
    for (HttpResponse<String> response : List.of(quote, ready)) {
      assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("HBase");
    }
  }

  private void assertError(HttpResponse<String> response, int status, String reason)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).at("/error/status").asInt()).isEqualTo(status);
    assertThat(message(response))
        .contains(reason)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private String message(HttpResponse<String> response) throws IOException {
    return json.readTree(response.body()).at("/error/message").asText();
  }

  private HttpResponse<String> get(String path, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (key != null) {
      request.header(ApiKeys.HEADER, key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
