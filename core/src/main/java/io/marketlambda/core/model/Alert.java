package io.marketlambda.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An intraday alert on one symbol's 1-minute bar.
 *
 * @param symbol the symbol
 * @param time the start of the 1-minute bar that raised it, epoch ms UTC
 * @param type what it is about
 * @param value what was measured: a fraction (0.02 = 2 %) for price moves and gaps, a z-score for
 *     volume
 * @param threshold the threshold crossed, same unit (negative for drops and gaps down)
 * @param provisional true when raised by the speed layer, not yet confirmed by a batch run
 */
public record Alert(
    Symbol symbol,
    Instant time,
    AlertType type,
    double value,
    double threshold,
    boolean provisional) {
  /**
   * @throws NullPointerException when a reference is null
   * @throws InvalidRecordException naming the field when value or threshold is not finite
   */
  public Alert {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    requireFinite(symbol, time, "value", value);
    requireFinite(symbol, time, "threshold", threshold);
  }

  /**
   * The alert's identity, {@code symbol/type/epoch ms}, e.g. {@code IBM/price_spike/1381152600000}:
   * the same alert raised twice (a replay) has the same id.
   */
  public String id() {
    return symbol + "/" + type.code() + "/" + time.toEpochMilli();
  }

  private static void requireFinite(Symbol symbol, Instant time, String field, double number) {
    if (!Double.isFinite(number)) {
      String reason = number + " is not a finite number";
      throw new InvalidRecordException(
          "Cannot make alert of " + symbol + " at " + time + ": field " + field + " " + reason,
          field,
          reason);
    }
  }
}
