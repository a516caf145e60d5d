package io.marketlambda.serving.api;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The time range and page of a request: {@code from} and {@code to} as America/New_York trading
 * dates ({@code 2013-10-07}, both inclusive) or ISO-8601 UTC instants ({@code
 * 2013-10-07T13:30:00Z}, {@code to} exclusive); {@code limit} rows at most; {@code cursor} the
 * opaque {@code next_cursor} of the previous page.
 *
 * @param from first instant, inclusive (the cursor's position when one is given)
 * @param to last instant, exclusive
 * @param limit rows per page
 */
record RangeQuery(Instant from, Instant to, int limit) {

  /** The longest range one request may ask for, per interval: bounded work per request. */
  static Duration maxSpan(BarInterval interval) {
    return switch (interval) {
      case ONE_MINUTE -> Duration.ofDays(7);
      case FIVE_MINUTES -> Duration.ofDays(31);
      case FIFTEEN_MINUTES -> Duration.ofDays(92);
      case ONE_HOUR -> Duration.ofDays(366);
      default -> Duration.ofDays(366L * 50);
    };
  }

  /**
   * Parses and bounds a range.
   *
   * @param fromText {@code from}, or null for {@code to} minus {@code defaultSpan}
   * @param toText {@code to}, or null for now
   * @param limitText {@code limit}, or null for {@code maxPageSize}
   * @param cursor {@code cursor}, or null
   * @throws ApiException 400 naming the parameter and value when one is malformed, the range is
   *     reversed or longer than {@code maxSpan}, or the limit is out of range
   */
  static RangeQuery parse(
      String fromText,
      String toText,
      String limitText,
      String cursor,
      Duration defaultSpan,
      Duration maxSpan,
      int maxPageSize,
      Instant now) {
    Instant to = toText == null ? now : instant("to", toText, true);
    Instant from =
        fromText == null
            ? latest(EARLIEST, to.minus(defaultSpan))
            : instant("from", fromText, false);
    if (from.isAfter(to)) {
      throw ApiException.badRequest(
          "Cannot serve range: from " + fromText + " is after to " + toText);
    }
    if (Duration.between(from, to).compareTo(maxSpan) > 0) {
      throw ApiException.badRequest(
          "Cannot serve range "
              + from
              + " to "
              + to
              + ": it spans "
              + Duration.between(from, to).toDays()
              + " days, more than the "
              + maxSpan.toDays()
              + " days allowed for this interval; page through shorter ranges");
    }
    int limit = limitText == null ? maxPageSize : integer("limit", limitText, maxPageSize);
    if (cursor != null) {
      Instant position = decodeCursor(cursor);
      if (position.isBefore(from) || !position.isBefore(to)) {
        throw ApiException.badRequest(
            "Cannot use cursor "
                + cursor
                + ": it points outside the range from "
                + from
                + " to "
                + to);
      }
      from = position;
    }
    return new RangeQuery(from, to, limit);
  }

  /** The cursor of the page that starts at {@code next}. */
  static String encodeCursor(Instant next) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Long.toString(next.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
  }

  private static Instant decodeCursor(String cursor) {
    try {
      String millis = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      return Instant.ofEpochMilli(Long.parseLong(millis));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "Cannot use cursor " + cursor + ": it is not a next_cursor this API returned");
    }
  }

  /** Earliest instant a range may name: the views are keyed by epoch milliseconds. */
  private static final Instant EARLIEST = Instant.EPOCH;

  /** Latest instant a range may name, exclusive: the end of year 9999. */
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant instant(String name, String text, boolean endOfDate) {
    try {
      Instant instant;
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        instant = MarketTime.startOf(endOfDate ? date.plusDays(1) : date);
      } else {
        instant = Instant.parse(text);
      }
      if (instant.isBefore(EARLIEST) || instant.isAfter(END)) {
        throw ApiException.badRequest(
            "Cannot use "
                + name
                + " \""
                + text
                + "\": expected a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
      }
      return instant;
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw ApiException.badRequest(
          "Cannot parse "
              + name
              + " \""
              + text
              + "\": expected a date like 2013-10-07 or a UTC instant like 2013-10-07T13:30:00Z");
    }
  }

  static int integer(String name, String text, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(
        "Cannot use " + name + " \"" + text + "\": expected a whole number from 1 to " + max);
  }
}
