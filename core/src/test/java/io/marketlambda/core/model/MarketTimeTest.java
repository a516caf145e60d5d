package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MarketTimeTest {
  @Test
  void marketZoneIsNewYork() {
    assertThat(MarketTime.MARKET_ZONE).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void tradingDateIsTheNewYorkDate() {
    // 02:00 UTC on the 8th is 22:00 EDT (UTC-4) on the 7th.
    assertThat(MarketTime.tradingDate(Instant.parse("2013-10-08T02:00:00Z")))
        .isEqualTo(LocalDate.of(2013, 10, 7));
    // 04:00 UTC is midnight EDT: the next date starts.
    assertThat(MarketTime.tradingDate(Instant.parse("2013-10-08T04:00:00Z")))
        .isEqualTo(LocalDate.of(2013, 10, 8));
    // In winter (EST, UTC-5) midnight is 05:00 UTC.
    assertThat(MarketTime.tradingDate(Instant.parse("2014-01-15T04:59:59Z")))
        .isEqualTo(LocalDate.of(2014, 1, 14));
  }

  @Test
  void startOfTradingDateIsNewYorkMidnight() {
    assertThat(MarketTime.startOf(LocalDate.of(2013, 10, 7)))
        .isEqualTo(Instant.parse("2013-10-07T04:00:00Z"));
    assertThat(MarketTime.startOf(LocalDate.of(2014, 1, 15)))
        .isEqualTo(Instant.parse("2014-01-15T05:00:00Z"));
  }

  @Test
  void theRegularSessionIsNineThirtyToFourNewYorkTime() {
    // EDT (UTC-4): 09:30 is 13:30Z, 16:00 is 20:00Z.
    assertThat(MarketTime.isRegularSession(Instant.parse("2013-10-07T13:29:59Z"))).isFalse();
    assertThat(MarketTime.isRegularSession(Instant.parse("2013-10-07T13:30:00Z"))).isTrue();
    assertThat(MarketTime.isRegularSession(Instant.parse("2013-10-07T19:59:00Z"))).isTrue();
    assertThat(MarketTime.isRegularSession(Instant.parse("2013-10-07T20:00:00Z"))).isFalse();
    // EST (UTC-5): 09:30 is 14:30Z.
    assertThat(MarketTime.regularOpenOf(LocalDate.of(2014, 1, 15)))
        .isEqualTo(Instant.parse("2014-01-15T14:30:00Z"));
    assertThat(MarketTime.isRegularSession(Instant.parse("2014-01-15T14:00:00Z"))).isFalse();
  }
}
