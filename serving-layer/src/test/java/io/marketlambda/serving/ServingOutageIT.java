package io.marketlambda.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.testing.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API through an HBase outage: the local stack's region server is stopped under a running
 * serving layer and started again. While it is down every request is answered within 2 s with 503
 * and {@code Retry-After}, naming no backend; once it is back the same request answers 200 again,
 * with no restart of the serving layer.
 */
@ExtendWith(LocalStackExtension.class)
class ServingOutageIT {
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_serving_outage", 4, Duration.ofDays(10_000));
  private static final String KEY = "outage-it-key-0123456789";
  private static final Quote QUOTE =
      new Quote(
          Symbol.of("IBM"), Instant.parse("2013-10-07T19:59:59Z"), 186.37, 100, "lean-tick", 1);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void whileHBaseIsDownTheApiAnswers503FastAndRecoversByItself(
      LocalStackEndpoints endpoints, LocalStackProcess stack) throws Exception {
    Path keys = Files.writeString(directory.resolve("keys"), KEY + "\n");
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.salt-buckets=" + VIEWS.saltBuckets(),
                    "realtime.ttl=10000d",
                    "serving.http.port=0",
                    "serving.api-keys-file=" + keys));
    try (Connection hbase = HBaseConnector.connect(ServingConfig.from(settings).hbase())) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);
      try (Table latest =
          hbase.getTable(
              TableName.valueOf(RealtimeTable.LATEST_QUOTE.qualifiedName(VIEWS.namespace())))) {
        latest.put(new RealtimeCellCodec(VIEWS.rowKeyCodec()).encode(QUOTE));
      }
    }

    try (ServingApplication serving = ServingApplication.start(settings)) {
      URI quote = URI.create("http://127.0.0.1:" + serving.port() + "/v1/symbols/IBM/quote");
      assertThat(get(quote).statusCode()).isEqualTo(200);

      stack.control("stop hbase-regionserver");
      try {
        // The stop is asynchronous: wait for the first 503, then time a series of requests.
        await().atMost(Duration.ofMinutes(2)).until(() -> get(quote).statusCode() == 503);
        List<Duration> answered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          long begin = System.nanoTime();
          HttpResponse<String> response = get(quote);
          answered.add(Duration.ofNanos(System.nanoTime() - begin));
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
          JsonNode error = json.readTree(response.body()).at("/error/message");
          assertThat(error.asText())
              .isEqualTo("The views are unavailable for a moment; retry after 2 s");
        }
        assertThat(answered).allSatisfy(time -> assertThat(time).isLessThan(Duration.ofSeconds(2)));
      } finally {
        stack.control("start hbase-regionserver");
      }

      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> get(quote).statusCode() == 200);
      JsonNode body = json.readTree(get(quote).body());
      assertThat(body.toString()).contains("186.37");
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("X-API-Key", KEY)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
