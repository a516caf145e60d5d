package io.marketlambda.hbaseviews.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchViewTablesTest {
  @Test
  void aRunsTableNameIsAValidHBaseQualifier() {
    assertThat(BatchViewTables.viewsTable("2013-10-04-20261121T083000Z"))
        .isEqualTo("batch_views_2013_10_04_20261121t083000z")
        .matches("[a-zA-Z0-9_]+");
    assertThat(BatchViewTables.isViewsTable("batch_views_2013_10_04_20261121t083000z")).isTrue();
    assertThat(BatchViewTables.isViewsTable(BatchViewTables.POINTER_TABLE)).isFalse();
  }
}
