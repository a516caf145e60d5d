package io.marketlambda.core.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LakeTableTest {
  @Test
  void qualifiedNamesAreDatabaseDotTable() {
    assertThat(Arrays.stream(LakeTable.values()).map(LakeTable::qualifiedName))
        .containsExactly(
            "bronze.quotes",
            "bronze.bars",
            "bronze.corporate_actions",
            "bronze.symbols",
            "silver.bars_daily",
            "silver.bars_intraday",
            "silver.corporate_actions",
            "gold.bars_daily",
            "gold.bars_weekly",
            "gold.bars_monthly",
            "gold.indicators_daily",
            "gold.top_movers",
            "gold.volatility_leaders",
            "gold.sector_summary");
  }

  @Test
  void layersAreDatabases() {
    assertThat(Layer.BRONZE.databaseName()).isEqualTo("bronze");
    assertThat(Layer.SILVER.databaseName()).isEqualTo("silver");
    assertThat(Layer.GOLD.databaseName()).isEqualTo("gold");
    assertThat(LakeTable.SILVER_CORPORATE_ACTIONS.layer()).isEqualTo(Layer.SILVER);
    assertThat(LakeTable.SILVER_CORPORATE_ACTIONS.tableName()).isEqualTo("corporate_actions");
  }
}
