package io.marketlambda.hbaseviews;

import io.marketlambda.core.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/** Opens HBase connections from plain {@code hbase.*} client settings. */
public final class HBaseConnector {
  public static final String PREFIX = "hbase.";

  private HBaseConnector() {}

  /**
   * Returns the {@code hbase.*} entries of {@code settings}, keys verbatim, as a serializable map.
   */
  public static Map<String, String> hbaseSettings(Settings settings) {
    return new TreeMap<>(settings.withPrefix(PREFIX));
  }

  /** Returns HBase's defaults ({@code hbase-default.xml}, any {@code hbase-site.xml}) overlaid. */
  public static Configuration configuration(Map<String, String> hbaseSettings) {
    Configuration conf = HBaseConfiguration.create();
    hbaseSettings.forEach(conf::set);
    return conf;
  }

  /**
   * Opens a connection; the caller closes it.
   *
   * @throws UncheckedIOException when the connection cannot be created
   */
  public static Connection connect(Map<String, String> hbaseSettings) {
    Configuration conf = configuration(hbaseSettings);
    try {
      return ConnectionFactory.createConnection(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot connect to HBase: ZooKeeper quorum "
              + conf.get(HConstants.ZOOKEEPER_QUORUM)
              + ", client port "
              + conf.get(HConstants.ZOOKEEPER_CLIENT_PORT)
              + "; check the hbase.* settings",
          e);
    }
  }
}
