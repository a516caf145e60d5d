package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LeanTradeTicks.TradeBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/** What the speed-layer ITs share: an HBase connection, a clean lake, and the bar check. */
public final class SpeedItSupport {
  private SpeedItSupport() {}

  static Connection hbase(LocalStackEndpoints endpoints) throws IOException {
    Configuration conf = HBaseConfiguration.create();
    conf.set("hbase.zookeeper.quorum", endpoints.zookeeperQuorum());
    conf.setInt("hbase.zookeeper.property.clientPort", endpoints.zookeeperClientPort());
    return ConnectionFactory.createConnection(conf);
  }

  /** The file's trades as quotes of source {@code lean-tick}, sequenced by line number. */
  public static List<Quote> trades(LeanTradeTicks ticks) {
    Symbol symbol = Symbol.of(ticks.symbol());
    return ticks.ticks().stream()
        .map(
            tick ->
                new Quote(
                    symbol, tick.time(), tick.priceUsd(), tick.size(), "lean-tick", tick.line()))
        .toList();
  }

  /** A lake directory under target/, emptied: checkpoints of an earlier run must not resume. */
  static Path freshLake(String name) throws IOException {
    Path lake = Path.of("target", name).toAbsolutePath();
    if (Files.exists(lake)) {
      try (Stream<Path> paths = Files.walk(lake)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return lake;
  }

  /** The realtime bars of the day equal the bars computed trade by trade from the file. */
  static void assertBarsMatch(
      RealtimeViewReader views, LeanTradeTicks ticks, BarInterval interval) {
    List<TradeBar> expected = ticks.bars(interval.fixedLength().orElseThrow());
    List<Bar> bars =
        views
            .bars(
                Symbol.of(ticks.symbol()),
                interval,
                Instant.parse("2013-10-07T00:00:00Z"),
                Instant.parse("2013-10-08T00:00:00Z"))
            .stream()
            .sorted(Comparator.comparing(Bar::start))
            .toList();
    assertThat(bars).hasSize(expected.size());
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      TradeBar want = expected.get(i);
      assertThat(bar.start()).isEqualTo(want.start());
      assertThat(bar.openUsd()).isEqualTo(want.open());
      assertThat(bar.highUsd()).isEqualTo(want.high());
      assertThat(bar.lowUsd()).isEqualTo(want.low());
      assertThat(bar.closeUsd()).isEqualTo(want.close());
      assertThat(bar.volumeShares()).isEqualTo((double) want.volume());
      assertThat(bar.vwapUsd()).isCloseTo(want.vwap(), within(1e-9));
      assertThat(bar.tradeCount()).isEqualTo(want.trades());
    }
  }
}
