package io.marketlambda.ingest.replay;

import java.time.Duration;

/**
 * How fast a replay plays recorded events: a multiple of real time ({@code 1x} as recorded, {@code
 * 60x} one recorded minute per second) or {@code max}, as fast as the sink takes them.
 *
 * @param multiplier recorded time per wall-clock time, finite and positive; infinite for {@code
 *     max}
 */
public record ReplaySpeed(double multiplier) {
  /** As fast as the sink takes events. */
  public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

  public ReplaySpeed {
    if (Double.isNaN(multiplier) || multiplier <= 0) {
      throw new IllegalArgumentException("Cannot replay at speed " + multiplier + ": not positive");
    }
  }

  /**
   * Parses {@code max}, {@code 60x}, {@code 0.5x} or a bare multiplier such as {@code 60}.
   *
   * @throws IllegalArgumentException naming the text when it is none of those
   */
  public static ReplaySpeed parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    if (trimmed.equals("max")) {
      return MAX;
    }
    String number = trimmed.endsWith("x") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    try {
      double multiplier = Double.parseDouble(number);
      if (Double.isFinite(multiplier) && multiplier > 0) {
        return new ReplaySpeed(multiplier);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Cannot parse replay speed '" + text + "': expected max, or a positive multiple like 60x");
  }

  public boolean isMax() {
    return Double.isInfinite(multiplier);
  }

  /** The wall-clock time a span of recorded time takes at this speed; zero at {@code max}. */
  public Duration wallTime(Duration recorded) {
    if (isMax()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (recorded.toNanos() / multiplier));
  }

  @Override
  public String toString() {
    return isMax()
        ? "max"
        : (multiplier == Math.rint(multiplier) ? (long) multiplier : multiplier) + "x";
  }
}
