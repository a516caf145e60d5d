package io.marketlambda.hbaseviews.rowkey;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * The content of a realtime-view row key.
 *
 * @param symbol the symbol of the row
 * @param eventTime the event time of the row, UTC; keys hold whole milliseconds, so decoded event
 *     times have no sub-millisecond part
 */
public record RowKey(Symbol symbol, Instant eventTime) {
  /**
   * @throws NullPointerException when a component is null
   */
  public RowKey {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(eventTime, "eventTime");
  }
}
