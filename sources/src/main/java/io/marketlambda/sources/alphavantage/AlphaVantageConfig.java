package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How the Alpha Vantage client calls the API and spends its quota. The API key itself is not here:
 * it comes from the environment variable {@value MaskedApiKey#ENVIRONMENT_VARIABLE} or the file
 * {@code alphavantage.api-key-file} names (see {@link MaskedApiKey#load}).
 *
 * @param baseUrl the query endpoint
 * @param apiKeyFile a file holding the API key, or {@code null} when not set
 * @param plan free or premium
 * @param callsPerMinute calls allowed per minute, at least 1
 * @param callsPerDay calls allowed per quota day on the free plan; ignored on premium (no cap)
 * @param quotaResetZone the zone whose midnight starts a new quota day
 * @param requestTimeout how long one HTTP exchange may take, positive
 * @param maxAttempts attempts per call including the first, 1 to 10
 * @param intradayLabel what intraday timestamps name
 * @param stateFile where the quota day's call count is kept across restarts
 */
public record AlphaVantageConfig(
    URI baseUrl,
    Path apiKeyFile,
    AlphaVantagePlan plan,
    int callsPerMinute,
    int callsPerDay,
    ZoneId quotaResetZone,
    Duration requestTimeout,
    int maxAttempts,
    BarLabel intradayLabel,
    Path stateFile) {

  public static final ConfigKey<URI> BASE_URL =
      ConfigKey.uri(
          "alphavantage.base-url",
          URI.create("https://www.alphavantage.co/query"),
          "Alpha Vantage query endpoint");
  public static final ConfigKey<Path> API_KEY_FILE =
      ConfigKey.path(
          "alphavantage.api-key-file",
          null,
          "File holding the Alpha Vantage API key; used when ALPHAVANTAGE_API_KEY is not set");
  public static final ConfigKey<AlphaVantagePlan> PLAN =
      ConfigKey.enumeration(
          "alphavantage.plan",
          AlphaVantagePlan.class,
          AlphaVantagePlan.FREE,
          "Subscription of the API key: free (daily cap) or premium (no daily cap)");
  public static final ConfigKey<Integer> CALLS_PER_MINUTE =
      ConfigKey.integer("alphavantage.calls-per-minute", 5, 1, 10_000, "Calls allowed per minute");
  public static final ConfigKey<Integer> CALLS_PER_DAY =
      ConfigKey.integer(
          "alphavantage.calls-per-day", 25, 1, 1_000_000, "Calls allowed per day on the free plan");
  public static final ConfigKey<String> QUOTA_RESET_ZONE =
      ConfigKey.string(
          "alphavantage.quota-reset-zone",
          "UTC",
          "Time zone whose midnight starts a new quota day (Alpha Vantage does not document it)");
  public static final ConfigKey<Duration> REQUEST_TIMEOUT =
      ConfigKey.duration(
          "alphavantage.request-timeout", Duration.ofSeconds(30), "Time-out of one HTTP exchange");
  public static final ConfigKey<Integer> MAX_ATTEMPTS =
      ConfigKey.integer(
          "alphavantage.max-attempts",
          4,
          1,
          10,
          "Attempts per call, first included, for 5xx, time-outs, truncated bodies, rate limits");
  public static final ConfigKey<BarLabel> INTRADAY_LABEL =
      ConfigKey.enumeration(
          "alphavantage.intraday-label",
          BarLabel.class,
          BarLabel.START,
          "Whether intraday timestamps name the bar's start (API today) or end (2018-2020)");
  public static final ConfigKey<Path> STATE_FILE =
      ConfigKey.path(
          "alphavantage.state-file",
          Path.of("work/alphavantage/quota-state.properties"),
          "File keeping the quota day's call count across restarts");

  /**
   * @throws IllegalArgumentException naming the component when a value is out of range
   */
  public AlphaVantageConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(quotaResetZone, "quotaResetZone");
    Objects.requireNonNull(intradayLabel, "intradayLabel");
    Objects.requireNonNull(stateFile, "stateFile");
    if (callsPerMinute < 1 || callsPerDay < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "Cannot create Alpha Vantage config: callsPerMinute "
              + callsPerMinute
              + ", callsPerDay "
              + callsPerDay
              + " and maxAttempts "
              + maxAttempts
              + " must be at least 1");
    }
    if (requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot create Alpha Vantage config: requestTimeout "
              + requestTimeout
              + " is not positive");
    }
  }

  /**
   * Reads the Alpha Vantage config.
   *
   * @throws ConfigException naming the key and value when a value is invalid
   */
  public static AlphaVantageConfig from(Settings settings) {
    Path keyFile =
        settings.keys().contains(API_KEY_FILE.name()) ? settings.get(API_KEY_FILE) : null;
    String zone = settings.get(QUOTA_RESET_ZONE);
    ZoneId resetZone;
    try {
      resetZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ConfigException.invalidValue(
          QUOTA_RESET_ZONE.name(), zone, "is not a time zone (examples: UTC, America/New_York)", e);
    }
    Duration timeout = settings.get(REQUEST_TIMEOUT);
    if (timeout.isZero()) {
      throw ConfigException.invalidValue(
          REQUEST_TIMEOUT.name(), timeout.toString(), "is not a positive duration");
    }
    return new AlphaVantageConfig(
        settings.get(BASE_URL),
        keyFile,
        settings.get(PLAN),
        settings.get(CALLS_PER_MINUTE),
        settings.get(CALLS_PER_DAY),
        resetZone,
        timeout,
        settings.get(MAX_ATTEMPTS),
        settings.get(INTRADAY_LABEL),
        settings.get(STATE_FILE));
  }

  /** Returns every key this config reads. */
  public static List<ConfigKey<?>> keys() {
    return List.of(
        BASE_URL,
        API_KEY_FILE,
        PLAN,
        CALLS_PER_MINUTE,
        CALLS_PER_DAY,
        QUOTA_RESET_ZONE,
        REQUEST_TIMEOUT,
        MAX_ATTEMPTS,
        INTRADAY_LABEL,
        STATE_FILE);
  }

  /** Returns the quota these settings allow. */
  public QuotaLimits quotaLimits() {
    return plan == AlphaVantagePlan.FREE
        ? QuotaLimits.free(callsPerMinute, callsPerDay, quotaResetZone)
        : QuotaLimits.premium(callsPerMinute, quotaResetZone);
  }
}
