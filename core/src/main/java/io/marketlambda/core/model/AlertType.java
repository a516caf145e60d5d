package io.marketlambda.core.model;

import java.util.Arrays;
import java.util.Locale;

/** What an intraday alert is about; {@link #code()} is its name in tables, topics and APIs. */
public enum AlertType {
  /** The close rose at least the threshold over the last 5 one-minute bars. */
  PRICE_SPIKE,
  /** The close fell at least the threshold over the last 5 one-minute bars. */
  PRICE_DROP,
  /** A bar's volume z-score against the 30 bars before it reached the threshold. */
  VOLUME_SPIKE,
  /** The session opened at least the threshold above the previous session's close. */
  OPENING_GAP_UP,
  /** The session opened at least the threshold below the previous session's close. */
  OPENING_GAP_DOWN;

  /** The lower-case code, e.g. {@code price_spike}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the type of a code.
   *
   * @throws IllegalArgumentException naming the code and the known ones when it is unknown
   */
  public static AlertType parse(String code) {
    for (AlertType type : values()) {
      if (type.code().equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Cannot read alert type '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(AlertType::code).toList());
  }
}
