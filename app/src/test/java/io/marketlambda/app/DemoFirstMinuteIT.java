package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first minute of {@code marketlambda demo} at its default speed (60x, from 09:25 New York): it
 * serves a live quote and regular-session 1-minute bars of IBM while the history is still loading
 * beside it; then a real SIGTERM, raised in this JVM, which the demo handles as Ctrl-C, stops it in
 * order with its summary and exit 0. The time to the first quote is a figure the demo prints
 * ({@code first live quote served N s after the start}; 35-40 s on 2 cores), not asserted here:
 * {@code --duration 180} only ends a demo that never served, so that a slower machine does not fail
 * the test.
 */
class DemoFirstMinuteIT {
  private static final Instant OPEN = Instant.parse("2013-10-07T13:30:00Z");
  private static final Instant CLOSE = Instant.parse("2013-10-07T20:00:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void withinItsFirstMinuteTheDemoServesALiveQuoteAndRegularSessionBarsAndCtrlCEndsItWithZero()
      throws Exception {
    DemoUnderTest run = DemoUnderTest.start("--duration", "180");
    StringWriter output = run.output;
    CompletableFuture<Integer> demo = run.exit;
    String base = run.base();
    Path keys = Path.of("work", "demo", "api-keys");
    boolean quoteServed = false;
    boolean sessionBarsServed = false;
    // What each poll got, for the failure message: seconds since the start, status or exception.
    List<String> polls = new ArrayList<>();
    long started = System.nanoTime();
    while (!demo.isDone() && !(quoteServed && sessionBarsServed)) {
      Thread.sleep(500);
      if (!output.toString().contains("chart:") || !Files.exists(keys)) {
        continue;
      }
      String key = Files.readAllLines(keys).get(1);
      try {
        HttpResponse<String> quote = get(base + "/v1/symbols/IBM/quote", key);
        quoteServed |= quote.statusCode() == 200;
        HttpResponse<String> bars =
            get(base + "/v1/symbols/IBM/bars?interval=1m&from=" + OPEN + "&to=" + CLOSE, key);
        polls.add(
            (System.nanoTime() - started) / 1_000_000_000L
                + "s quote "
                + quote.statusCode()
                + " bars "
                + bars.statusCode());
        if (bars.statusCode() == 200) {
          JsonNode results = json.readTree(bars.body()).get("results");
          sessionBarsServed |= results.size() > 0;
          for (JsonNode bar : results) {
            Instant start = Instant.parse(bar.get("t").asText());
            assertThat(start).isBetween(OPEN, CLOSE.minusSeconds(60));
          }
        }
      } catch (IOException | TimeoutException e) {
        // the demo stopped between two requests, or a request timed out
        polls.add((System.nanoTime() - started) / 1_000_000_000L + "s " + e);
      }
    }
    boolean servedBeforeTheEnd = quoteServed && sessionBarsServed;
    if (!demo.isDone()) {
      // SIGTERM takes Ctrl-C's path (DemoSignals): SIGINT itself cannot be used here, as a test
      // JVM started in the background (CI under nohup) inherits it ignored and the JVM installs no
      // handler for it.
      polls.add((System.nanoTime() - started) / 1_000_000_000L + "s SIGTERM raised");
      sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
    }

    assertThat(demo.get(3, TimeUnit.MINUTES)).as(output.toString()).isZero();
    assertThat(servedBeforeTheEnd)
        .as(
            "a live quote and regular-session bars served before --duration 180 ended the demo:"
                + " polls %s%n%s",
            polls, output.toString())
        .isTrue();
    assertThat(output.toString())
        .as("polls %s%n%s", polls, output.toString())
        .containsPattern("first live quote served [0-9]+ s after the start")
        .contains("SIGTERM: stopping everything")
        .containsPattern("replay stopped: [0-9,]+ events")
        .doesNotContain("--duration 180s reached")
        .doesNotContain("Exception");
    assertThat(List.of(output.toString().split("\n")))
        .filteredOn(line -> line.startsWith("summary: "))
        .singleElement()
        .asString()
        .containsPattern("summary: [1-9][0-9,]* events replayed");
  }

  /** One request, given up after 5 s whatever stalls (the client's own timeout covers headers). */
  private HttpResponse<String> get(String url, String key)
      throws IOException, InterruptedException, TimeoutException {
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(url))
                .header("X-API-Key", key)
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    try {
      return response.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      response.cancel(true);
    }
  }
}
