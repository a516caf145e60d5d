package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;

/**
 * One quote update of a symbol on one exchange: a new best bid, a new best ask, or both. Lean
 * writes one side per update and zeros for the other side.
 *
 * @param symbol the quoted symbol
 * @param eventTime when the exchange quoted, a UTC instant
 * @param bidUsd the bid in USD, finite and at least 0; 0 when this update has no bid
 * @param bidSizeShares the shares bid, at least 0; 0 when this update has no bid
 * @param askUsd the ask in USD, finite and at least 0; 0 when this update has no ask
 * @param askSizeShares the shares offered, at least 0; 0 when this update has no ask
 * @param exchange the vendor's exchange code, e.g. {@code P} (NYSE Arca), {@code Q} (Nasdaq)
 * @param sequence orders updates with equal event times: the 1-based line number in the file
 */
public record BidAskTick(
    Symbol symbol,
    Instant eventTime,
    double bidUsd,
    long bidSizeShares,
    double askUsd,
    long askSizeShares,
    String exchange,
    long sequence) {

  /**
   * Validates every component. A crossed quote (bid above ask) is accepted: updates of different
   * exchanges may cross.
   *
   * @throws InvalidRecordException naming the first invalid component; also when the update has
   *     neither a bid nor an ask
   */
  public BidAskTick {
    if (symbol == null || eventTime == null || exchange == null) {
      throw invalid(symbol, eventTime, "$", "symbol, eventTime and exchange must not be null");
    }
    requireSide(symbol, eventTime, "bidUsd", bidUsd, "bidSizeShares", bidSizeShares);
    requireSide(symbol, eventTime, "askUsd", askUsd, "askSizeShares", askSizeShares);
    if (bidUsd == 0 && askUsd == 0) {
      throw invalid(symbol, eventTime, "$", "has neither a bid nor an ask");
    }
    if (sequence < 0) {
      throw invalid(symbol, eventTime, "sequence", sequence + " is negative");
    }
  }

  /** Whether this update carries a bid. */
  public boolean hasBid() {
    return bidUsd > 0;
  }

  /** Whether this update carries an ask. */
  public boolean hasAsk() {
    return askUsd > 0;
  }

  private static void requireSide(
      Symbol symbol, Instant time, String priceField, double price, String sizeField, long size) {
    if (!(Double.isFinite(price) && price >= 0)) {
      throw invalid(symbol, time, priceField, price + " is not a finite number >= 0");
    }
    if (size < 0) {
      throw invalid(symbol, time, sizeField, size + " is negative");
    }
  }

  private static InvalidRecordException invalid(
      Symbol symbol, Instant time, String field, String reason) {
    String prefix = "$".equals(field) ? "" : field + " ";
    return new InvalidRecordException(
        "Cannot create bid/ask tick " + symbol + " " + time + ": " + prefix + reason,
        field,
        reason);
  }
}
