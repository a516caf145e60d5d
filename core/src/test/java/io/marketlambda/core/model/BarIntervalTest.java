package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BarIntervalTest {
  @Test
  void codesAreTheShortForms() {
    assertThat(Arrays.stream(BarInterval.values()).map(BarInterval::code))
        .containsExactly("1m", "5m", "15m", "1h", "1d", "1w", "1mo");
    assertThat(BarInterval.FIFTEEN_MINUTES).hasToString("15m");
  }

  @ParameterizedTest
  @EnumSource(BarInterval.class)
  void parseReadsEveryCode(BarInterval interval) {
    assertThat(BarInterval.parse(interval.code())).isSameAs(interval);
  }

  @Test
  void parseListsTheValidCodes() {
    assertThatThrownBy(() -> BarInterval.parse("1M"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot parse bar interval: \"1M\" is not one of 1m, 5m, 15m, 1h, 1d, 1w, 1mo");
  }

  @Test
  void intradayIntervalsHaveFixedLengths() {
    assertThat(BarInterval.ONE_MINUTE.fixedLength()).contains(Duration.ofSeconds(60));
    assertThat(BarInterval.FIVE_MINUTES.fixedLength()).contains(Duration.ofSeconds(300));
    assertThat(BarInterval.FIFTEEN_MINUTES.fixedLength()).contains(Duration.ofSeconds(900));
    assertThat(BarInterval.ONE_HOUR.fixedLength()).contains(Duration.ofSeconds(3600));
    assertThat(BarInterval.ONE_HOUR.isIntraday()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"ONE_DAY", "ONE_WEEK", "ONE_MONTH"})
  void calendarIntervalsHaveNoFixedLength(BarInterval interval) {
    assertThat(interval.fixedLength()).isEmpty();
    assertThat(interval.isIntraday()).isFalse();
  }

  // Thursday 2013-10-10 17:37:12.5Z is 13:37:12.5 EDT (UTC-4); 2013-10-07 was a Monday.
  @ParameterizedTest
  @CsvSource({
    "1m,  2013-10-10T17:37:12.500Z, 2013-10-10T17:37:00Z",
    "5m,  2013-10-10T17:37:12.500Z, 2013-10-10T17:35:00Z",
    "15m, 2013-10-10T17:37:12.500Z, 2013-10-10T17:30:00Z",
    "1h,  2013-10-10T17:37:12.500Z, 2013-10-10T17:00:00Z",
    "1d,  2013-10-10T17:37:12.500Z, 2013-10-10T04:00:00Z",
    "1w,  2013-10-10T17:37:12.500Z, 2013-10-07T04:00:00Z",
    "1mo, 2013-10-10T17:37:12.500Z, 2013-10-01T04:00:00Z",
    "5m,  2013-10-10T17:35:00Z,     2013-10-10T17:35:00Z",
    "1m,  1969-12-31T23:59:30Z,     1969-12-31T23:59:00Z",
    // 22:00 EDT on Monday the 7th: still the 7th in New York although the 8th in UTC.
    "1d,  2013-10-08T02:00:00Z,     2013-10-07T04:00:00Z",
    // Sunday 2013-10-13 23:30 EDT belongs to the week starting Monday the 7th.
    "1w,  2013-10-14T03:30:00Z,     2013-10-07T04:00:00Z",
    // Thursday 2013-10-31 23:30 EDT is still October in New York.
    "1mo, 2013-11-01T03:30:00Z,     2013-10-01T04:00:00Z",
    // Winter: midnight EST is 05:00 UTC.
    "1d,  2014-01-15T15:00:00Z,     2014-01-15T05:00:00Z",
    "1mo, 2014-01-15T15:00:00Z,     2014-01-01T05:00:00Z",
  })
  void startOfFloorsToTheBarBoundary(String code, Instant eventTime, Instant expectedStart) {
    assertThat(BarInterval.parse(code).startOf(eventTime)).isEqualTo(expectedStart);
  }

  @ParameterizedTest
  @CsvSource({
    "1m,  2013-10-10T17:37:12Z, 2013-10-10T17:38:00Z",
    "1h,  2013-10-10T17:37:12Z, 2013-10-10T18:00:00Z",
    "1d,  2013-10-10T17:37:12Z, 2013-10-11T04:00:00Z",
    "1w,  2013-10-10T17:37:12Z, 2013-10-14T04:00:00Z",
    "1mo, 2013-10-10T17:37:12Z, 2013-11-01T04:00:00Z",
    // Daylight saving ended on Sunday 2013-11-03: that New York day lasted 25 hours.
    "1d,  2013-11-03T12:00:00Z, 2013-11-04T05:00:00Z",
    // Daylight saving began on Sunday 2014-03-09: that New York day lasted 23 hours.
    "1d,  2014-03-09T12:00:00Z, 2014-03-10T04:00:00Z",
  })
  void endOfIsTheNextBarStart(String code, Instant eventTime, Instant expectedEnd) {
    assertThat(BarInterval.parse(code).endOf(eventTime)).isEqualTo(expectedEnd);
  }

  @Test
  void tradingDaysAroundDaylightSavingChangesLastTwentyFiveAndTwentyThreeHours() {
    Instant fallBack = Instant.parse("2013-11-03T12:00:00Z");
    Instant springForward = Instant.parse("2014-03-09T12:00:00Z");

    assertThat(lengthOfBarContaining(BarInterval.ONE_DAY, fallBack))
        .isEqualTo(Duration.ofHours(25));
    assertThat(lengthOfBarContaining(BarInterval.ONE_DAY, springForward))
        .isEqualTo(Duration.ofHours(23));
  }

  @ParameterizedTest
  @EnumSource(BarInterval.class)
  void everyBarStartIsItsOwnStartAndPrecedesItsEnd(BarInterval interval) {
    for (Instant time :
        new Instant[] {
          Instant.parse("2000-02-29T23:59:59.999999999Z"),
          Instant.parse("2013-11-03T06:30:00Z"),
          Instant.parse("2020-08-31T13:30:00Z")
        }) {
      Instant start = interval.startOf(time);

      assertThat(interval.startOf(start)).isEqualTo(start);
      assertThat(start).isBeforeOrEqualTo(time);
      assertThat(interval.endOf(time)).isAfter(time);
      assertThat(interval.startOf(interval.endOf(time))).isEqualTo(interval.endOf(time));
    }
  }

  private static Duration lengthOfBarContaining(BarInterval interval, Instant time) {
    return Duration.between(interval.startOf(time), interval.endOf(time));
  }
}
