package io.marketlambda.bench.speed;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The accounting of one fault's run against what was sent, for {@link FaultBench}.
 *
 * <p>Good trades are counted in the 1-minute bars the speed layer wrote to HBase: per minute, the
 * bar's trade count against the trades sent for it (each once, whatever was sent twice). A minute
 * short of trades counts them lost, a minute over counts them duplicated; a minute with the right
 * count but another volume (shares) is reported apart. Records routed to the dead-letter or late
 * topic are matched to what was sent by their source partition and offset headers (the sink's
 * {@code marketlambda.source.*}), so each one is accounted once whatever number of copies an
 * at-least-once replay sent.
 */
final class FaultLedger {
  static final String SOURCE_PARTITION = "marketlambda.source.partition";
  static final String SOURCE_OFFSET = "marketlambda.source.offset";
  static final String ERROR_FIELD = "marketlambda.error.field";
  static final String ERROR_REASON = "marketlambda.error.reason";

  private FaultLedger() {}

  /**
   * Trades in the bars against the trades sent.
   *
   * @param lost trades sent that no bar counts
   * @param duplicated trades counted beyond those sent
   * @param otherVolumeMinutes minutes whose bar has the right trade count but another volume
   */
  record BarTally(long lost, long duplicated, int otherVolumeMinutes) {}

  /**
   * Compares 1-minute bars with the trades sent for them.
   *
   * @param sent the distinct good trades sent (one symbol)
   * @param bars the 1-minute bars read back over a range covering every trade sent
   */
  static BarTally bars(Collection<Quote> sent, List<Bar> bars) {
    Map<Instant, long[]> expected = new TreeMap<>();
    for (Quote trade : sent) {
      long[] minute =
          expected.computeIfAbsent(
              BarInterval.ONE_MINUTE.startOf(trade.eventTime()), start -> new long[2]);
      minute[0]++;
      // An official open or close report is a print (counted) without volume (the tape's table).
      minute[1] += SaleCondition.countsVolume(trade.conditions()) ? trade.sizeShares() : 0;
    }
    long lost = 0;
    long duplicated = 0;
    int otherVolume = 0;
    Set<Instant> seen = new HashSet<>();
    for (Bar bar : bars) {
      seen.add(bar.start());
      long[] want = expected.getOrDefault(bar.start(), new long[2]);
      long difference = bar.tradeCount() - want[0];
      if (difference > 0) {
        duplicated += difference;
      } else if (difference < 0) {
        lost -= difference;
      } else if (Math.round(bar.volumeShares()) != want[1]) {
        otherVolume++;
      }
    }
    for (Map.Entry<Instant, long[]> minute : expected.entrySet()) {
      if (!seen.contains(minute.getKey())) {
        lost += minute.getValue()[0];
      }
    }
    return new BarTally(lost, duplicated, otherVolume);
  }

  /**
   * Records of a routing topic (dead letters or late quotes) matched to those sent there.
   *
   * @param routed records sent that are there, each counted once
   * @param missing records sent that are not there
   * @param unexpected distinct source records there that were not meant to be (good trades)
   * @param withoutReason records there without a field and reason (dead letters only)
   */
  record RoutedTally(long routed, long missing, long unexpected, long withoutReason) {}

  /**
   * Matches routed records to the source records meant to be there.
   *
   * @param meant source records, as {@code partition:offset} of the quotes topic
   * @param allowed source records that may be there without being counted (a trade sent again after
   *     the watermark passed its event time is late, rightly: its first copy is in the bars)
   * @param routedHeaders the headers of every record read from the routing topic
   * @param needReason whether each must carry the error field and reason headers
   */
  static RoutedTally routed(
      Set<String> meant,
      Set<String> allowed,
      Collection<Headers> routedHeaders,
      boolean needReason) {
    Map<String, Boolean> found = new HashMap<>();
    long withoutReason = 0;
    for (Headers headers : routedHeaders) {
      String source = text(headers, SOURCE_PARTITION) + ":" + text(headers, SOURCE_OFFSET);
      boolean reasoned =
          !text(headers, ERROR_FIELD).isEmpty() && !text(headers, ERROR_REASON).isEmpty();
      if (found.put(source, reasoned) == null && needReason && !reasoned) {
        withoutReason++;
      }
    }
    long routed = meant.stream().filter(found::containsKey).count();
    long unexpected =
        found.keySet().stream()
            .filter(source -> !meant.contains(source) && !allowed.contains(source))
            .count();
    return new RoutedTally(routed, meant.size() - routed, unexpected, withoutReason);
  }

  private static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? ""
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
