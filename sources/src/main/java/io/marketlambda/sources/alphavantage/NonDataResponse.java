package io.marketlambda.sources.alphavantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A body Alpha Vantage serves with HTTP 200 instead of data: a JSON object keyed {@code Error
 * Message}, {@code Note} or {@code Information}, or a premium endpoint's sample whose {@code
 * message} says the rows are artificial. Alpha Vantage answers this way for CSV requests too.
 *
 * <p>Classification, first rule that matches: the text says "is a premium endpoint" or the rows are
 * "ARTIFICIAL": {@link NonDataKind#PREMIUM_ONLY}; key {@code Error Message}, or the text is about
 * the {@code demo} key: {@link NonDataKind#INVALID_REQUEST}; the text names a limit "per day" or
 * "daily" limits but no "per minute" limit: {@link NonDataKind#DAILY_QUOTA_EXHAUSTED}; the text
 * names a limit "per minute", the call "frequency" or the call "volume": {@link
 * NonDataKind#RATE_LIMITED} (the 2018-2024 {@code Note} names both 5 per minute and 500 per day,
 * and came when the per-minute limit was hit); anything else: {@link NonDataKind#UNKNOWN_NON_DATA}.
 *
 * @param kind what the body means for the caller
 * @param key the JSON key that held the text, e.g. {@code Note}
 * @param text the API's own text
 */
public record NonDataResponse(NonDataKind kind, String key, String text) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public NonDataResponse {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns the non-data body {@code body} is, or empty when it is (or may be) data: a body that is
   * not a JSON object, or a JSON object without any of the keys above.
   */
  public static Optional<NonDataResponse> find(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(trimmed);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    for (String key : new String[] {"Error Message", "Note", "Information"}) {
      if (root.path(key).isTextual()) {
        String text = root.get(key).asText();
        return Optional.of(new NonDataResponse(classify(key, text), key, text));
      }
    }
    String message = root.path("message").asText("");
    if (isPremium(message)) {
      return Optional.of(new NonDataResponse(NonDataKind.PREMIUM_ONLY, "message", message));
    }
    return Optional.empty();
  }

  static NonDataKind classify(String key, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (isPremium(text)) {
      return NonDataKind.PREMIUM_ONLY;
    }
    if (key.equals("Error Message") || lower.contains("demo")) {
      return NonDataKind.INVALID_REQUEST;
    }
    boolean perMinute = lower.contains("per minute");
    if (!perMinute && (lower.contains("per day") || lower.contains("daily"))) {
      return NonDataKind.DAILY_QUOTA_EXHAUSTED;
    }
    if (perMinute || lower.contains("frequency") || lower.contains("call volume")) {
      return NonDataKind.RATE_LIMITED;
    }
    return NonDataKind.UNKNOWN_NON_DATA;
  }

  private static boolean isPremium(String text) {
    return text.toLowerCase(Locale.ROOT).contains("is a premium endpoint")
        || text.contains("ARTIFICIAL");
  }

  /** Returns the exception a caller of {@code call} gets for this body. */
  AlphaVantageException toException(String call) {
    return switch (kind) {
      case RATE_LIMITED ->
          new AlphaVantageTransientException(
              AlphaVantageException.message(
                  call, "rate limited:", text, "retry after a pause, or lower calls per minute"),
              call,
              text,
              true,
              null);
      case DAILY_QUOTA_EXHAUSTED ->
          new AlphaVantageQuotaException(
              AlphaVantageException.message(
                  call, "daily quota spent:", text, "stop until the quota resets"),
              call,
              text);
      case PREMIUM_ONLY ->
          new AlphaVantageRequestException(
              AlphaVantageException.message(
                  call,
                  "premium endpoint:",
                  text,
                  "use a premium key (alphavantage.plan=premium) or another function"),
              call,
              kind,
              text);
      case INVALID_REQUEST ->
          new AlphaVantageRequestException(
              AlphaVantageException.message(
                  call,
                  "Alpha Vantage rejected the request:",
                  text,
                  "check the function, symbol, parameters and API key; not retried"),
              call,
              kind,
              text);
      case UNKNOWN_NON_DATA ->
          new AlphaVantageRequestException(
              AlphaVantageException.message(
                  call, "Alpha Vantage answered without data:", text, "not retried"),
              call,
              kind,
              text);
    };
  }
}
