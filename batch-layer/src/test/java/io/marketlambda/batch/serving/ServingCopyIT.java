package io.marketlambda.batch.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.batch.run.BatchRuns;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.hbaseviews.rowkey.ScanRange;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.views.WireQuotes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch runs with the serving copy on, against the local stack's HBase: each run bulk-loads its
 * views into a table of its own and switches the pointer to it; the cells equal the gold tables and
 * the file; only the live table and the one live before it are kept (not a table a killed export
 * left); a rerun of an earlier run date does not take the serving copy back in time.
 */
@ExtendWith(LocalStackExtension.class)
class ServingCopyIT {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ServingCopyIT.class);
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_batch_views", 8, Duration.ofDays(7));
  private static final LocalDate RUN_DATE = LocalDate.of(2013, 10, 4);

  @Test
  void eachRunBulkLoadsItsViewsAndSwitchesThePointer(
      LocalStackEndpoints endpoints, @TempDir Path root) throws Exception {
    LakeLayout lake = LakeLayout.of(root.toString());
    new BronzeImport(spark, lake, Clock.systemUTC(), LOG::info)
        .importBars("lean-daily", bars("IBM"));
    BatchConfig config =
        new BatchConfig(
            new LakeConfig(lake),
            10,
            false,
            Duration.ZERO,
            Duration.ZERO,
            true,
            Map.of(
                "hbase.zookeeper.quorum",
                endpoints.zookeeperQuorum(),
                "hbase.zookeeper.property.clientPort",
                Integer.toString(endpoints.zookeeperClientPort())),
            VIEWS,
            WireQuotes.MAX_EVENT_TIME_AHEAD.defaultValue().orElseThrow(),
            BatchConfig.LOCK_TIMEOUT.defaultValue().orElseThrow(),
            io.marketlambda.core.model.SaleConditionRules.TAPE);

    BatchJob.Run first =
        new BatchJob(spark, config, Clock.systemUTC(), LOG::info)
            .run(RUN_DATE, OptionalLong.empty());

    try (Connection hbase = connect(endpoints)) {
      Result pointer = pointer(hbase);
      String live = string(pointer, BatchViewTables.POINTER_FAMILY, BatchViewTables.TABLE);
      assertThat(live).isEqualTo(BatchViewTables.viewsTable(first.runId()));
      assertThat(string(pointer, BatchViewTables.POINTER_FAMILY, BatchViewTables.RUN_DATE))
          .isEqualTo("2013-10-04");
      assertThat(
              Bytes.toLong(
                  pointer.getValue(
                      Bytes.toBytes(BatchViewTables.WATERMARK_FAMILY), Bytes.toBytes("IBM"))))
          .isEqualTo(Instant.parse("2013-10-05T04:00:00Z").toEpochMilli());

      RowKeyCodec rowKeys = VIEWS.rowKeyCodec();
      LeanDaily.Day friday = LeanDaily.read("IBM").on(RUN_DATE);
      try (Table views = hbase.getTable(TableName.valueOf(VIEWS.namespace(), live))) {
        Result day =
            views.get(
                new Get(
                    rowKeys.encode(Symbol.of("IBM"), RUN_DATE.atStartOfDay(NEW_YORK).toInstant())));
        assertThat(doubleCell(day, BatchViewTables.DAILY, "c")).isEqualTo(friday.close());
        assertThat(doubleCell(day, BatchViewTables.DAILY, "o")).isEqualTo(friday.open());
        Row indicators =
            BatchRuns.read(spark, lake, LakeTable.GOLD_INDICATORS_DAILY, first.tableVersions())
                .filter("symbol = 'IBM' AND trading_date = DATE'2013-10-04'")
                .first();
        assertThat(doubleCell(day, BatchViewTables.INDICATORS, "sma_20_usd"))
            .isEqualTo(indicators.<Double>getAs("sma_20_usd"));

        long goldWeeks =
            BatchRuns.read(spark, lake, LakeTable.GOLD_BARS_WEEKLY, first.tableVersions()).count();
        ScanRange all =
            rowKeys.rangeNewestFirst(
                Symbol.of("IBM"), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        long weeks = 0;
        try (ResultScanner scanner =
            views.getScanner(
                new Scan()
                    .withStartRow(all.startRowInclusive())
                    .withStopRow(all.stopRowExclusive())
                    .addFamily(Bytes.toBytes(BatchViewTables.WEEKLY)))) {
          for (Result ignored : scanner) {
            weeks++;
          }
        }
        assertThat(weeks).isEqualTo(goldWeeks);
      }

      BatchJob.Run second =
          new BatchJob(spark, config, Clock.systemUTC(), LOG::info)
              .run(RUN_DATE, OptionalLong.empty());
      BatchJob.Run third =
          new BatchJob(spark, config, Clock.systemUTC(), LOG::info)
              .run(RUN_DATE, OptionalLong.empty());

      assertThat(string(pointer(hbase), BatchViewTables.POINTER_FAMILY, BatchViewTables.TABLE))
          .isEqualTo(BatchViewTables.viewsTable(third.runId()));
      List<String> tables = new ArrayList<>();
      try (Admin admin = hbase.getAdmin()) {
        for (TableName name : admin.listTableNamesByNamespace(VIEWS.namespace())) {
          if (BatchViewTables.isViewsTable(name.getQualifierAsString())) {
            tables.add(name.getQualifierAsString());
          }
        }
      }
      assertThat(tables)
          .containsExactlyInAnyOrder(
              BatchViewTables.viewsTable(second.runId()),
              BatchViewTables.viewsTable(third.runId()));

      // An export killed after creating its table: never live, so never kept as the previous one.
      TableName killed =
          TableName.valueOf(VIEWS.namespace(), BatchViewTables.viewsTable(third.runId() + "-k"));
      try (Admin admin = hbase.getAdmin()) {
        admin.createTable(
            TableDescriptorBuilder.newBuilder(killed)
                .setColumnFamily(ColumnFamilyDescriptorBuilder.of(BatchViewTables.DAILY))
                .build());
      }
      BatchJob.Run fourth =
          new BatchJob(spark, config, Clock.systemUTC(), LOG::info)
              .run(RUN_DATE, OptionalLong.empty());
      assertThat(viewsTables(hbase))
          .containsExactlyInAnyOrder(
              BatchViewTables.viewsTable(third.runId()),
              BatchViewTables.viewsTable(fourth.runId()));

      // A rerun of an earlier run date recomputes the lake but does not take serving back in time.
      BatchJob.Run earlier =
          new BatchJob(spark, config, Clock.systemUTC(), LOG::info)
              .run(RUN_DATE.minusDays(1), OptionalLong.empty());
      Result after = pointer(hbase);
      assertThat(string(after, BatchViewTables.POINTER_FAMILY, BatchViewTables.TABLE))
          .isEqualTo(BatchViewTables.viewsTable(fourth.runId()));
      assertThat(string(after, BatchViewTables.POINTER_FAMILY, BatchViewTables.RUN_DATE))
          .isEqualTo("2013-10-04");
      assertThat(viewsTables(hbase))
          .doesNotContain(BatchViewTables.viewsTable(earlier.runId()))
          .contains(BatchViewTables.viewsTable(fourth.runId()));
    }
  }

  private static List<String> viewsTables(Connection hbase) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Admin admin = hbase.getAdmin()) {
      for (TableName name : admin.listTableNamesByNamespace(VIEWS.namespace())) {
        if (BatchViewTables.isViewsTable(name.getQualifierAsString())) {
          tables.add(name.getQualifierAsString());
        }
      }
    }
    return tables;
  }

  private static Result pointer(Connection hbase) throws Exception {
    try (Table pointer =
        hbase.getTable(TableName.valueOf(VIEWS.namespace(), BatchViewTables.POINTER_TABLE))) {
      return pointer.get(new Get(Bytes.toBytes(BatchViewTables.POINTER_ROW)));
    }
  }

  private static String string(Result row, String family, String qualifier) {
    return Bytes.toString(row.getValue(Bytes.toBytes(family), Bytes.toBytes(qualifier)));
  }

  private static double doubleCell(Result row, String family, String qualifier) {
    return Bytes.toDouble(row.getValue(Bytes.toBytes(family), Bytes.toBytes(qualifier)));
  }

  private static Connection connect(LocalStackEndpoints endpoints) throws Exception {
    Configuration conf = HBaseConfiguration.create();
    conf.set("hbase.zookeeper.quorum", endpoints.zookeeperQuorum());
    conf.setInt("hbase.zookeeper.property.clientPort", endpoints.zookeeperClientPort());
    return ConnectionFactory.createConnection(conf);
  }

  private static java.util.Iterator<BronzeImport.LineageBar> bars(String symbol) {
    return LeanDaily.read(symbol).lineageBars().iterator();
  }
}
