package io.marketlambda.hbaseviews.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.BarInterval;
import org.junit.jupiter.api.Test;

class RealtimeTableTest {
  @Test
  void pinsEveryTableAndFamily() {
    assertThat(RealtimeTable.values())
        .extracting(RealtimeTable::tableName)
        .containsExactly(
            "latest_quote", "bars_1m", "bars_5m", "bars_15m", "bars_1h", "indicators_1m", "alerts");
    assertThat(RealtimeTable.LATEST_QUOTE.family()).isEqualTo("q");
    assertThat(RealtimeTable.BARS_5M.family()).isEqualTo("b");
    assertThat(RealtimeTable.INDICATORS_1M.family()).isEqualTo("i");
    assertThat(RealtimeTable.ALERTS.family()).isEqualTo("a");
  }

  @Test
  void qualifiesTheNameWithTheNamespace() {
    assertThat(RealtimeTable.BARS_1M.qualifiedName("marketlambda"))
        .isEqualTo("marketlambda:bars_1m");
  }

  @Test
  void mapsEachIntradayIntervalToItsBarsTable() {
    assertThat(RealtimeTable.bars(BarInterval.ONE_MINUTE)).isEqualTo(RealtimeTable.BARS_1M);
    assertThat(RealtimeTable.bars(BarInterval.FIVE_MINUTES)).isEqualTo(RealtimeTable.BARS_5M);
    assertThat(RealtimeTable.bars(BarInterval.FIFTEEN_MINUTES)).isEqualTo(RealtimeTable.BARS_15M);
    assertThat(RealtimeTable.bars(BarInterval.ONE_HOUR)).isEqualTo(RealtimeTable.BARS_1H);
    assertThatThrownBy(() -> RealtimeTable.bars(BarInterval.ONE_DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot serve 1d bars");
  }
}
