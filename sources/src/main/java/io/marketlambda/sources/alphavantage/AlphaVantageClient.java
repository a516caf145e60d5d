package io.marketlambda.sources.alphavantage;

import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Alpha Vantage over {@link HttpClient} and returns data bodies. Each call is retried ({@link
 * RetryPolicy}) on HTTP 5xx and 429, time-outs, connection failures, truncated bodies and the
 * per-minute rate-limit body; never on invalid requests, premium-only endpoints or a spent daily
 * quota. Every attempt, retries included, asks the {@link CallBudget} first: it waits (through the
 * {@link Sleeper}) while the minute's calls are spent and sends nothing once the day's are; each
 * call sent is recorded. URLs in logs and messages read {@code apikey=***}.
 */
public final class AlphaVantageClient {
  private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageClient.class);

  private final AlphaVantageConfig config;
  private final MaskedApiKey apiKey;
  private final HttpClient http;
  private final Clock clock;
  private final CallBudget budget;
  private final Sleeper sleeper;
  private final Retry retry;

  /**
   * @param clock gives the time of each call for the {@link CallBudget}
   * @param sleeper waits between attempts
   */
  public AlphaVantageClient(
      AlphaVantageConfig config,
      MaskedApiKey apiKey,
      Clock clock,
      Sleeper sleeper,
      CallBudget budget) {
    this(
        config,
        apiKey,
        clock,
        sleeper,
        budget,
        new RetryPolicy(
            config.maxAttempts(),
            RetryPolicy.DEFAULT_INITIAL_PAUSE,
            RetryPolicy.DEFAULT_RATE_LIMIT_PAUSE));
  }

  AlphaVantageClient(
      AlphaVantageConfig config,
      MaskedApiKey apiKey,
      Clock clock,
      Sleeper sleeper,
      CallBudget budget,
      RetryPolicy policy) {
    this.config = Objects.requireNonNull(config, "config");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.retry = policy.retry("alpha-vantage", sleeper);
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                LOG.warn(
                    "Alpha Vantage attempt {} failed, retrying: {}",
                    event.getNumberOfRetryAttempts(),
                    event.getLastThrowable().getMessage()));
  }

  /**
   * Sends the request and returns its data body (JSON or CSV as the request asked), complete and
   * not a non-data body.
   *
   * @throws AlphaVantageRequestException for an invalid request, a premium-only endpoint, an
   *     unknown non-data body or an unexpected HTTP status (4xx other than 429): not retried
   * @throws AlphaVantageQuotaException when the daily quota is spent, by the API's word or by the
   *     budget's count (then nothing is sent): not retried
   * @throws AlphaVantageTransientException when every attempt failed transiently; chains the last
   *     failure
   */
  public String fetch(AlphaVantageRequest request) {
    return Retry.decorateSupplier(retry, () -> attempt(request)).get();
  }

  /** Returns the URL of a request with the key masked, for logs and dry runs. */
  public String maskedUrl(AlphaVantageRequest request) {
    return MaskedApiKey.mask(url(request).toString());
  }

  private URI url(AlphaVantageRequest request) {
    return URI.create(
        config.baseUrl()
            + "?"
            + request.queryString()
            + "&apikey="
            + URLEncoder.encode(apiKey.value(), StandardCharsets.UTF_8));
  }

  private String attempt(AlphaVantageRequest request) {
    String call = request.describe();
    HttpRequest httpRequest =
        HttpRequest.newBuilder(url(request)).timeout(config.requestTimeout()).GET().build();
    LOG.debug("Calling Alpha Vantage {}", maskedUrl(request));
    spendCall(call);
    HttpResponse<String> response;
    // HttpRequest.timeout bounds the wait for the headers only: a body that stalls after them
    // would hang the call for ever. The whole exchange gets the same time.
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      response = exchange.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw transientFailure(call, "no answer within " + config.requestTimeout(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw transientFailure(call, "no answer within " + config.requestTimeout(), cause);
      }
      if (cause instanceof IOException) {
        throw transientFailure(
            call, "HTTP exchange failed: " + MaskedApiKey.mask(cause.toString()), cause);
      }
      throw new IllegalStateException(
          "Cannot call " + call + ": " + MaskedApiKey.mask(String.valueOf(cause)), cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot call " + call + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw transientFailure(call, "HTTP status " + status, null);
    }
    if (status != 200) {
      throw new AlphaVantageRequestException(
          AlphaVantageException.message(
              call, "HTTP status " + status + " from " + maskedUrl(request), null, "not retried"),
          call,
          null,
          null);
    }
    String body = response.body();
    Optional<NonDataResponse> nonData = NonDataResponse.find(body);
    if (nonData.isPresent()) {
      if (nonData.get().kind() == NonDataKind.DAILY_QUOTA_EXHAUSTED) {
        budget.recordQuotaSpent(clock.instant());
      }
      throw nonData.get().toException(call);
    }
    try {
      ResponseBodies.requireComplete(request.dataType(), body);
    } catch (TruncatedBodyException e) {
      throw transientFailure(call, "truncated body (" + e.getMessage() + ")", e);
    }
    return body;
  }

  private void spendCall(String call) {
    Instant now = clock.instant();
    Duration wait =
        budget
            .waitBeforeNextCall(now)
            .orElseThrow(
                () ->
                    new AlphaVantageQuotaException(
                        AlphaVantageException.message(
                            call,
                            "the day's call budget is spent, nothing sent",
                            null,
                            "wait for the quota reset"),
                        call,
                        null));
    if (!wait.isZero()) {
      LOG.info("Alpha Vantage per-minute budget spent: waiting {} before {}", wait, call);
      sleeper.sleep(wait);
    }
    budget.recordCall(clock.instant());
  }

  private AlphaVantageTransientException transientFailure(
      String call, String problem, Throwable cause) {
    String advice =
        "tried up to " + config.maxAttempts() + " times with back-off (alphavantage.max-attempts)";
    return new AlphaVantageTransientException(
        AlphaVantageException.message(call, problem, null, advice), call, null, false, cause);
  }
}
