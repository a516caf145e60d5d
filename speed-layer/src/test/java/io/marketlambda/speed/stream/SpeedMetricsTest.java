package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SpeedMetricsTest {
  @Test
  void servesTheFiguresInThePrometheusTextFormat() throws Exception {
    SpeedMetrics metrics = new SpeedMetrics();
    metrics.deadLetters.labelValues("priceUsd").inc(2);
    metrics.lateQuotes.inc();
    metrics.alerts.labelValues("volume_spike").inc(3);
    metrics.watermark.labelValues("speed-views").set(1_381_154_339);
    metrics.record(
        "speed-views",
        java.util.Map.of(
            SpeedCounts.trades(io.marketlambda.core.model.SaleConditionRules.Updates.LAST),
            7L,
            SpeedCounts.trades(io.marketlambda.core.model.SaleConditionRules.Updates.HIGH_LOW),
            1L,
            "trades.volume",
            5L));

    try (HTTPServer server = metrics.serve(0)) {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + server.getPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(body)
          .contains("marketlambda_speed_dead_letters_total{field=\"priceUsd\"} 2.0")
          .contains("marketlambda_speed_late_quotes_total 1.0")
          .contains("marketlambda_speed_alerts_total{type=\"volume_spike\"} 3.0")
          .contains("marketlambda_speed_watermark_seconds{query=\"speed-views\"} 1.381154339E9")
          .contains("marketlambda_speed_trades_total{updates=\"last\"} 7.0")
          .contains("marketlambda_speed_trades_total{updates=\"high-low\"} 1.0")
          .contains("marketlambda_speed_trades_total{updates=\"volume\"} 5.0");
    }
  }

  @Test
  void aTakenPortNamesTheKey() throws Exception {
    SpeedMetrics metrics = new SpeedMetrics();
    try (HTTPServer taken = metrics.serve(0)) {
      assertThatThrownBy(() -> new SpeedMetrics().serve(taken.getPort()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("port " + taken.getPort())
          .hasMessageContaining("speed.metrics-port");
    }
  }
}
