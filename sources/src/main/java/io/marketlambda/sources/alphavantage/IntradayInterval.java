package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.BarInterval;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code interval=} values of {@code TIME_SERIES_INTRADAY}. Alpha Vantage also serves 30-minute
 * bars, for which marketlambda has no {@link BarInterval}: such a request can be made and its body
 * fetched, but it cannot be parsed into bars (limitation kept on purpose: core's intervals are what
 * every layer agrees on).
 */
public enum IntradayInterval {
  ONE_MINUTE("1min", BarInterval.ONE_MINUTE),
  FIVE_MINUTES("5min", BarInterval.FIVE_MINUTES),
  FIFTEEN_MINUTES("15min", BarInterval.FIFTEEN_MINUTES),
  THIRTY_MINUTES("30min", null),
  SIXTY_MINUTES("60min", BarInterval.ONE_HOUR);

  private final String apiValue;
  private final BarInterval barInterval;

  IntradayInterval(String apiValue, BarInterval barInterval) {
    this.apiValue = apiValue;
    this.barInterval = barInterval;
  }

  /** Returns the API's spelling, e.g. {@code 5min}. */
  public String apiValue() {
    return apiValue;
  }

  /**
   * Returns the bar interval of these bars.
   *
   * @throws UnsupportedOperationException for {@link #THIRTY_MINUTES}, which has no bar interval
   */
  public BarInterval barInterval() {
    if (barInterval == null) {
      throw new UnsupportedOperationException(
          "Cannot make bars of interval "
              + apiValue
              + ": marketlambda has no 30-minute bar interval; request 15min and aggregate, or"
              + " fetch the raw body only");
    }
    return barInterval;
  }

  /**
   * Returns the interval for its API spelling.
   *
   * @throws IllegalArgumentException when {@code apiValue} is none of 1min 5min 15min 30min 60min
   */
  public static IntradayInterval parse(String apiValue) {
    for (IntradayInterval interval : values()) {
      if (interval.apiValue.equals(apiValue)) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        "Cannot parse intraday interval: \""
            + apiValue
            + "\" is not one of "
            + Arrays.stream(values())
                .map(IntradayInterval::apiValue)
                .collect(Collectors.joining(", ")));
  }
}
