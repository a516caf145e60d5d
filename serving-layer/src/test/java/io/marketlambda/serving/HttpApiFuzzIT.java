package io.marketlambda.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeCellCodec;
import io.marketlambda.hbaseviews.realtime.RealtimeTable;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalStackExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API fuzzed from its own OpenAPI document, on real HBase views: every route the document
 * lists is called with random and extreme values of each parameter it declares (empty, huge,
 * negative, not a number, dates before 1970 and past year 9999, path traversal, control and
 * non-ASCII characters, 10,000-character strings) and with no, wrong and oversized API keys. No
 * answer may be a 5xx (but the 503 of {@code /ready}, its documented readiness answer), and no body
 * may name the backend (its tables' namespace, the ZooKeeper address, Java classes or stack
 * frames). The random values come from a fixed seed: a failure replays.
 */
@ExtendWith(LocalStackExtension.class)
class HttpApiFuzzIT {
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_serving_fuzz", 4, Duration.ofDays(10_000));
  private static final String KEY = "fuzz-it-key-0123456789abcdef";
  private static final int REQUESTS_PER_ROUTE = 150;

  private static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "IBM",
          "ibm",
          "SPY",
          "BRK.B",
          "A".repeat(10_000),
          "../../etc/passwd",
          "%00",
          "\u0000",
          "\n",
          "'; DROP TABLE quotes; --",
          "<script>alert(1)</script>",
          "\u00e9\u4e2d\ud83d\ude00",
          "null",
          "undefined",
          "[]",
          "{}",
          "\\",
          "1m",
          "5m",
          "1h",
          "1d",
          "1w",
          "1mo",
          "0m",
          "-1m",
          "999999999m");
  private static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "-1",
          "100",
          "1000",
          "1001",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "1e309",
          "NaN",
          "Infinity",
          "1.5",
          "0x10",
          "abc",
          "");
  private static final List<String> TIMES =
      List.of(
          "2013-10-07T13:30:00Z",
          "2013-10-07",
          "1969-12-31T23:59:59Z",
          "1970-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59.999999999Z",
          "-999999999-01-01T00:00:00Z",
          "2013-02-30T00:00:00Z",
          "2013-10-07T25:00:00Z",
          "2013-10-07T13:30:00+14:00",
          "2013-10-07T13:30:00",
          "1381152600000",
          "-1",
          "now",
          "");
  private static final List<String> KEYS_OTHER_THAN_VALID =
      List.of(
          "", "wrong-key", "x".repeat(8_192), "\u00e9\u00e9\u00e9", KEY + " ", KEY.toUpperCase());

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void noRouteAnswers5xxOrNamesTheBackendWhateverItIsSent(LocalStackEndpoints endpoints)
      throws Exception {
    Path keys = Files.writeString(directory.resolve("keys"), KEY + "\n");
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.salt-buckets=" + VIEWS.saltBuckets(),
                    "realtime.ttl=10000d",
                    "serving.http.port=0",
                    "serving.rate-limit=100000",
                    "serving.api-keys-file=" + keys));
    try (Connection hbase = HBaseConnector.connect(ServingConfig.from(settings).hbase())) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);
      try (Table latest =
          hbase.getTable(
              TableName.valueOf(RealtimeTable.LATEST_QUOTE.qualifiedName(VIEWS.namespace())))) {
        latest.put(
            new RealtimeCellCodec(VIEWS.rowKeyCodec())
                .encode(
                    new Quote(
                        Symbol.of("IBM"),
                        Instant.parse("2013-10-07T19:59:59Z"),
                        186.37,
                        100,
                        "lean-tick",
                        1)));
      }
    }

    Random random = new Random(20131007L);
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int sent = 0;
    try (ServingApplication serving = ServingApplication.start(settings)) {
      String base = "http://127.0.0.1:" + serving.port();
      JsonNode document = json.readTree(get(URI.create(base + "/openapi.json"), null).body());
      List<String> forbidden =
          List.of(
              VIEWS.namespace(),
              "Exception",
              "java.",
              "io.marketlambda",
              "\tat ",
              endpoints.zookeeperQuorum() + ":" + endpoints.zookeeperClientPort());
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        JsonNode parameters = path.getValue().path("get").path("parameters");
        for (int i = 0; i < REQUESTS_PER_ROUTE; i++) {
          String route = path.getKey();
          StringBuilder query = new StringBuilder();
          for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String value = value(name, parameter.path("schema").path("type").asText(), random);
            if (parameter.path("in").asText().equals("path")) {
              route = route.replace("{" + name + "}", encode(value.isEmpty() ? " " : value));
            } else if (random.nextInt(4) > 0) {
              query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
              query.append(encode(value));
            }
          }
          if (random.nextInt(10) == 0) {
            query.append(query.length() == 0 ? '?' : '&').append("unknown=").append(encode("x"));
          }
          String key =
              random.nextInt(5) == 0
                  ? KEYS_OTHER_THAN_VALID.get(random.nextInt(KEYS_OTHER_THAN_VALID.size()))
                  : KEY;
          URI uri = URI.create(base + route + query);
          HttpResponse<String> response = get(uri, key.isEmpty() ? null : key);
          sent++;
          statuses.merge(response.statusCode(), 1, Integer::sum);
          String body = response.body();
          // /ready answers 503 while the views are not all there (no batch run yet, here): that is
          // its readiness answer, which the document declares, not an error.
          boolean readiness = path.getKey().equals("/ready") && response.statusCode() == 503;
          if (response.statusCode() >= 500 && !readiness) {
            failures.add(response.statusCode() + " " + uri + ": " + abbreviate(body));
          }
          for (String word : forbidden) {
            if (body.toLowerCase(java.util.Locale.ROOT)
                .contains(word.toLowerCase(java.util.Locale.ROOT))) {
              failures.add("'" + word + "' in the body of " + uri + ": " + abbreviate(body));
            }
          }
        }
      }
    }
    assertThat(sent).isGreaterThan(1_000);
    assertThat(statuses).as("statuses").containsKey(200).containsKey(400).containsKey(401);
    assertThat(failures).as("statuses %s", statuses).isEmpty();
  }

  private static String value(String name, String type, Random random) {
    List<String> pool =
        switch (name) {
          case "from", "to" -> TIMES;
          case "limit" -> NUMBERS;
          default -> type.equals("integer") ? NUMBERS : STRINGS;
        };
    // Now and then a value meant for another parameter.
    List<String> any =
        random.nextInt(8) == 0 ? List.of(STRINGS, NUMBERS, TIMES).get(random.nextInt(3)) : pool;
    return any.get(random.nextInt(any.size()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }

  private HttpResponse<String> get(URI uri, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
