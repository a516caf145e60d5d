package io.marketlambda.speed.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionBarsReaderTest {
  // 2013-10-07 is in EDT (UTC-4): the regular session opens at 13:30Z.
  @Test
  void aRegularSessionChangeReadsFromTheOpenToTheEndOfTheLastChangedBar() {
    assertThat(
            SessionBarsReader.sessionRange(
                Instant.parse("2013-10-07T14:05:00Z"), Instant.parse("2013-10-07T14:07:00Z")))
        .containsExactly(
            Instant.parse("2013-10-07T13:30:00Z"), Instant.parse("2013-10-07T14:08:00Z"));
  }

  @Test
  void aPreMarketChangeReadsFromTheStartOfItsHour() {
    // 02:21 New York: the 1h bar from 02:00 needs every minute from 06:00Z.
    assertThat(
            SessionBarsReader.sessionRange(
                Instant.parse("2013-10-07T06:21:00Z"), Instant.parse("2013-10-07T06:22:00Z")))
        .containsExactly(
            Instant.parse("2013-10-07T06:00:00Z"), Instant.parse("2013-10-07T06:23:00Z"));
  }

  @Test
  void anAfterHoursChangeReadsItsHourOnly() {
    assertThat(
            SessionBarsReader.sessionRange(
                Instant.parse("2013-10-07T21:10:00Z"), Instant.parse("2013-10-07T21:10:00Z")))
        .containsExactly(
            Instant.parse("2013-10-07T21:00:00Z"), Instant.parse("2013-10-07T21:11:00Z"));
  }
}
