package io.marketlambda.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.lake.Layer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ViewSinkTest {
  @Test
  void perDateViewsClusterByDateAndTheRestBySymbol() {
    assertThat(ViewSink.clusterKey(LakeTable.GOLD_SECTOR_SUMMARY)).isEqualTo("trading_date");
    assertThat(ViewSink.clusterKey(LakeTable.GOLD_TOP_MOVERS)).isEqualTo("trading_date");
    assertThat(ViewSink.clusterKey(LakeTable.GOLD_VOLATILITY_LEADERS)).isEqualTo("trading_date");
    assertThat(
            Arrays.stream(LakeTable.values())
                .filter(table -> table.layer() != Layer.BRONZE)
                .filter(
                    table ->
                        !table.tableName().matches("top_movers|volatility_leaders|sector_summary"))
                .map(ViewSink::clusterKey))
        .containsOnly("symbol");
  }
}
