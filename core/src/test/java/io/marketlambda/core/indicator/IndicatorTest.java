package io.marketlambda.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.indicator.Indicator.Scope;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndicatorTest {
  @Test
  void theRealtimeViewKeepsItsQualifiersSoStoredCellsStayReadable() {
    assertThat(IndicatorSnapshot.QUALIFIERS)
        .containsExactly(
            "c", "v", "sma5", "sma15", "sma60", "ema5", "ema15", "ema60", "vwap", "rv30", "chg5",
            "vz30", "gap");
  }

  @Test
  void theIntradayNamesAreTheSpeedLayersColumns() {
    assertThat(Indicator.of(Scope.INTRADAY))
        .extracting(Indicator::column)
        .containsExactly(
            "close_usd",
            "volume_shares",
            "sma_5_usd",
            "sma_15_usd",
            "sma_60_usd",
            "ema_5_usd",
            "ema_15_usd",
            "ema_60_usd",
            "session_vwap_usd",
            "realized_vol_30",
            "change_5",
            "volume_zscore_30",
            "opening_gap");
  }

  @Test
  void dailyIndicatorsAreStoredUnderTheirColumnNames() {
    assertThat(Indicator.of(Scope.DAILY))
        .hasSize(17)
        .allSatisfy(indicator -> assertThat(indicator.qualifier()).isEqualTo(indicator.column()));
  }

  @Test
  void namesAndQualifiersAreUniqueAndEachHasAUnitAndADescription() {
    assertThat(Arrays.stream(Indicator.values()).map(Indicator::column)).doesNotHaveDuplicates();
    assertThat(Indicator.of(Scope.INTRADAY).stream().map(Indicator::qualifier))
        .doesNotHaveDuplicates();
    assertThat(Indicator.values())
        .allSatisfy(
            indicator -> {
              assertThat(indicator.unit()).isNotBlank();
              assertThat(indicator.description()).isNotBlank();
            });
  }
}
