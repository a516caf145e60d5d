package io.marketlambda.speed.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.hbaseviews.HBaseConnector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class RealtimeViewWriterTest {
  private static final Settings SETTINGS =
      Settings.of(
          Map.of(
              "hbase.zookeeper.quorum", "zk1,zk2",
              "hbase.zookeeper.property.clientPort", "2182",
              "kafka.bootstrap.servers", "localhost:9092",
              "realtime.salt-buckets", "8"));

  @Test
  void hbaseSettingsKeepsHBaseKeysVerbatim() {
    assertThat(RealtimeViewWriter.hbaseSettings(SETTINGS))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "hbase.zookeeper.quorum", "zk1,zk2",
                "hbase.zookeeper.property.clientPort", "2182"));
  }

  @Test
  void hbaseSettingsSurviveJavaSerializationIntoSparkClosures() throws Exception {
    Map<String, String> settings = RealtimeViewWriter.hbaseSettings(SETTINGS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(settings);
    }

    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(settings);
    }
  }

  @Test
  void settingsOverlayHBaseDefaults() {
    Configuration conf = HBaseConnector.configuration(RealtimeViewWriter.hbaseSettings(SETTINGS));

    assertThat(conf.get("hbase.zookeeper.quorum")).isEqualTo("zk1,zk2");
    assertThat(conf.getInt("hbase.zookeeper.property.clientPort", 0)).isEqualTo(2182);
    // From hbase-default.xml, untouched: proves the defaults were loaded underneath.
    assertThat(conf.get("hbase.client.retries.number")).isEqualTo("15");
  }
}
