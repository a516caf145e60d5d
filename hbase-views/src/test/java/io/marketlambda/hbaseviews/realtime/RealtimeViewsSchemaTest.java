package io.marketlambda.hbaseviews.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class RealtimeViewsSchemaTest {
  private static final Path SCRIPT = Path.of("src", "main", "hbase", "realtime-views.hbase");
  private static final HBaseViewsConfig DEFAULTS = HBaseViewsConfig.from(Settings.empty());
  private static final long DAY_SECONDS = 24 * 60 * 60;

  @Test
  void shellScriptCreatesWhatTheSchemaCreates() throws IOException {
    HBaseShellScript script = HBaseShellScript.parse(Files.readString(SCRIPT));
    List<TableDescriptor> descriptors = RealtimeViewsSchema.descriptors(DEFAULTS);
    byte[][] splitKeys = DEFAULTS.rowKeyCodec().splitKeys();

    assertThat(script.namespaces()).containsExactly(DEFAULTS.namespace());
    assertThat(script.tables())
        .extracting(HBaseShellScript.Table::name)
        .containsExactlyElementsOf(
            descriptors.stream().map(d -> d.getTableName().getNameAsString()).toList());
    for (TableDescriptor descriptor : descriptors) {
      HBaseShellScript.Table table = script.table(descriptor.getTableName().getNameAsString());
      ColumnFamilyDescriptor family = descriptor.getColumnFamilies()[0];
      assertThat(descriptor.getColumnFamilyCount()).isEqualTo(1);
      assertThat(table.family()).isEqualTo(family.getNameAsString());
      assertThat(table.versions()).isEqualTo(family.getMaxVersions());
      assertThat(table.ttlSeconds()).isEqualTo(family.getTimeToLive());
      assertThat(table.bloomFilter()).isEqualTo(family.getBloomFilterType().name());
      assertThat(table.compression()).isEqualTo(family.getCompressionType().name());
      assertThat(table.splitKeys()).containsExactly(splitKeys);
    }
  }

  @Test
  void defaultSplitKeysAreTheFifteenBucketBoundariesOfSixteenBuckets() {
    byte[][] expected = new byte[15][];
    for (int i = 0; i < 15; i++) {
      expected[i] = new byte[] {(byte) (i + 1)};
    }

    assertThat(DEFAULTS.rowKeyCodec().splitKeys()).isDeepEqualTo(expected);
  }

  @Test
  void descriptorsFollowTheRealtimeTables() {
    List<TableDescriptor> descriptors = RealtimeViewsSchema.descriptors(DEFAULTS);

    assertThat(descriptors)
        .extracting(d -> d.getTableName().getNameAsString())
        .containsExactly(
            "marketlambda:latest_quote",
            "marketlambda:bars_1m",
            "marketlambda:bars_5m",
            "marketlambda:bars_15m",
            "marketlambda:bars_1h",
            "marketlambda:indicators_1m",
            "marketlambda:alerts");
    ColumnFamilyDescriptor bars = descriptors.get(1).getColumnFamily(Bytes.toBytes("b"));
    assertThat(bars.getTimeToLive()).isEqualTo(7 * DAY_SECONDS);
    assertThat(bars.getMaxVersions()).isEqualTo(1);
    assertThat(bars.getBloomFilterType()).isEqualTo(BloomType.ROW);
    assertThat(bars.getCompressionType()).isEqualTo(Compression.Algorithm.GZ);
    assertThat(descriptors.get(6).getColumnFamily(Bytes.toBytes("a")).getTimeToLive())
        .isEqualTo(7 * DAY_SECONDS);
    assertThat(
            RealtimeViewsSchema.descriptors(
                    new HBaseViewsConfig("marketlambda", 16, java.time.Duration.ofDays(5000)))
                .get(1)
                .getColumnFamily(Bytes.toBytes("b"))
                .getTimeToLive())
        .isEqualTo(5000 * DAY_SECONDS);
  }

  @Test
  void compressionIsConfigurable() {
    HBaseViewsConfig views = new HBaseViewsConfig("it_realtime", 4);

    assertThat(RealtimeViewsSchema.descriptors(views, Compression.Algorithm.NONE))
        .allSatisfy(
            d -> {
              assertThat(d.getTableName().getNamespaceAsString()).isEqualTo("it_realtime");
              assertThat(d.getColumnFamilies()[0].getCompressionType())
                  .isEqualTo(Compression.Algorithm.NONE);
            });
  }
}
