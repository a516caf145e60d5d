package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.MarketTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The columns Lean intraday files share: the time of day and the suspicious flag. */
final class LeanTime {
  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private LeanTime() {}

  /**
   * The instant of a Lean time column: {@code millis} after midnight of {@code date} on the
   * America/New_York wall clock (Lean adds the milliseconds to the local date-time), e.g. 34200000
   * on 2013-10-07 is 09:30 EDT = 13:30Z.
   *
   * @throws io.marketlambda.core.model.InvalidRecordException with field {@code time} when {@code
   *     millis} is not within the day
   */
  static Instant instant(LocalDate date, long millis, CsvRow row) {
    if (millis < 0 || millis >= MILLIS_PER_DAY) {
      throw row.invalid("time", millis + " is not a millisecond of a day (0 to 86399999)");
    }
    return date.atStartOfDay()
        .plus(Duration.ofMillis(millis))
        .atZone(MarketTime.MARKET_ZONE)
        .toInstant();
  }

  /**
   * Rejects a row whose {@code suspicious} column is {@code 1}.
   *
   * @throws io.marketlambda.core.model.InvalidRecordException with field {@code suspicious} and
   *     reason {@code flagged suspicious by the vendor} when it is 1, or naming the value when it
   *     is neither 0 nor 1
   */
  static void rejectSuspicious(CsvRow row, int index) {
    String flag = row.text(index);
    if (flag.equals("1")) {
      throw row.invalid("suspicious", "flagged suspicious by the vendor");
    }
    if (!flag.equals("0")) {
      throw row.invalid("suspicious", CsvRow.quoted(flag) + " is neither 0 nor 1");
    }
  }
}
