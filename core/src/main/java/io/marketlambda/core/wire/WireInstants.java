package io.marketlambda.core.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses the ISO-8601 UTC instants of the wire formats, e.g. {@code 2013-10-07T13:30:00.123Z}, as
 * {@link Instant#parse} does, and as fast as the speed layer needs: {@code Instant.parse} builds a
 * formatter and a map of parsed fields per call, which was a third of the speed layer's decoding
 * time at 20,000 quotes/s.
 *
 * <p>The form {@link Instant#toString()} writes ({@code yyyy-MM-ddTHH:mm:ss}, then an optional
 * fraction of 1 to 9 digits, then {@code Z}; years 0000 to 9999) is read here; anything else is
 * handed to {@link Instant#parse}, so what is accepted, the result and the exception are exactly
 * {@code Instant.parse}'s.
 */
final class WireInstants {
  private static final int SECONDS_PER_DAY = 86_400;
  private static final int[] NANO_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private WireInstants() {}

  /**
   * Returns the instant {@code text} names.
   *
   * @throws DateTimeParseException when {@link Instant#parse} would
   */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return Instant.parse(text);
      }
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) {
        return Instant.parse(text);
      }
      nanos = fraction * NANO_SCALE[fractionDigits];
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return Instant.parse(text);
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return Instant.parse(text); // e.g. February 30: Instant.parse names it
    }
    return Instant.ofEpochSecond(
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The number the ASCII digits in {@code [from, to)} spell, or -1 when one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
