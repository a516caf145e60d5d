package io.marketlambda.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class FaultLedgerTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final Instant NINE_THIRTY = Instant.parse("2013-10-07T13:30:00Z");
  private static final Instant NINE_THIRTY_ONE = Instant.parse("2013-10-07T13:31:00Z");

  private static final List<Quote> SENT =
      List.of(
          trade(NINE_THIRTY.plusSeconds(1), 100, 1),
          trade(NINE_THIRTY.plusSeconds(2), 200, 2),
          trade(NINE_THIRTY_ONE.plusSeconds(5), 300, 3));

  @Test
  void barsCountingEveryTradeOnceLeaveNothingLostOrDuplicated() {
    assertThat(
            FaultLedger.bars(SENT, List.of(bar(NINE_THIRTY, 2, 300), bar(NINE_THIRTY_ONE, 1, 300))))
        .isEqualTo(new FaultLedger.BarTally(0, 0, 0));
  }

  @Test
  void aMissingBarLosesItsTradesAndAnExtraCountIsADuplicate() {
    assertThat(FaultLedger.bars(SENT, List.of(bar(NINE_THIRTY, 3, 400))))
        .isEqualTo(new FaultLedger.BarTally(1, 1, 0));
  }

  @Test
  void aBarWithTheRightCountButAnotherVolumeIsReportedApart() {
    assertThat(
            FaultLedger.bars(SENT, List.of(bar(NINE_THIRTY, 2, 299), bar(NINE_THIRTY_ONE, 1, 300))))
        .isEqualTo(new FaultLedger.BarTally(0, 0, 1));
  }

  @Test
  void aBarOfAMinuteWithoutTradesSentCountsItsTradesAsDuplicates() {
    Instant evening = Instant.parse("2013-10-07T22:00:00Z");
    assertThat(
            FaultLedger.bars(
                SENT,
                List.of(
                    bar(NINE_THIRTY, 2, 300), bar(NINE_THIRTY_ONE, 1, 300), bar(evening, 4, 1))))
        .isEqualTo(new FaultLedger.BarTally(0, 4, 0));
  }

  @Test
  void routedRecordsAreMatchedBySourceOffsetEachOnce() {
    Set<String> meant = Set.of("0:10", "0:11", "1:7");
    List<Headers> routed =
        List.of(
            headers("0", "10", "priceUsd", "-1.0 is not a positive finite number"),
            headers("0", "10", "priceUsd", "-1.0 is not a positive finite number"), // a replay
            headers("1", "7", "$", "is not JSON"),
            headers("1", "8", "$", "is empty"), // not meant to be there
            headers("0", "12", "", "")); // neither meant nor explained

    assertThat(FaultLedger.routed(meant, Set.of(), routed, true))
        .isEqualTo(new FaultLedger.RoutedTally(2, 1, 2, 1));
    assertThat(FaultLedger.routed(meant, Set.of("1:8"), routed, true))
        .as("a record allowed there is not unexpected")
        .isEqualTo(new FaultLedger.RoutedTally(2, 1, 1, 1));
  }

  @Test
  void lateRecordsNeedNoReason() {
    assertThat(
            FaultLedger.routed(
                Set.of("0:3"), Set.of(), List.of(headers("0", "3", null, null)), false))
        .isEqualTo(new FaultLedger.RoutedTally(1, 0, 0, 0));
  }

  private static Quote trade(Instant time, long size, long sequence) {
    return new Quote(IBM, time, 185.0, size, "test", sequence);
  }

  private static Bar bar(Instant start, long trades, double volume) {
    return new Bar(IBM, BarInterval.ONE_MINUTE, start, 185, 185, 185, 185, volume, 185, trades);
  }

  private static Headers headers(String partition, String offset, String field, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(FaultLedger.SOURCE_PARTITION, partition.getBytes(StandardCharsets.UTF_8));
    headers.add(FaultLedger.SOURCE_OFFSET, offset.getBytes(StandardCharsets.UTF_8));
    if (field != null) {
      headers.add(FaultLedger.ERROR_FIELD, field.getBytes(StandardCharsets.UTF_8));
      headers.add(FaultLedger.ERROR_REASON, reason.getBytes(StandardCharsets.UTF_8));
    }
    return headers;
  }
}
