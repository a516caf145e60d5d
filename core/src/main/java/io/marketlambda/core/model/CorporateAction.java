package io.marketlambda.core.model;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A split or a cash dividend of a symbol, effective on its ex-date: prices before the ex-date are
 * adjusted by it, prices from the ex-date on are not.
 *
 * <p>Adjustment factors follow the CRSP convention (cumulative factor to adjust prices): a split
 * divides earlier prices by {@code value}; a cash dividend multiplies earlier prices by {@code 1 -
 * value / closeBeforeExDate}.
 *
 * @param symbol the symbol as traded on the ex-date
 * @param exDate the first America/New_York trading date on which the action is in effect
 * @param type split or cash dividend
 * @param value for a {@link Type#SPLIT}: new shares per old share, finite and positive (4.0 for
 *     AAPL's 4-for-1 split effective 2020-08-31, 0.5 for a 1-for-2 reverse split); for a {@link
 *     Type#CASH_DIVIDEND}: USD per share, finite and positive
 * @param source the vendor the action comes from, a lower-case token such as {@code lean} or {@code
 *     alpha-vantage}
 */
public record CorporateAction(
    Symbol symbol, LocalDate exDate, Type type, double value, String source) {
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /** The kind of corporate action. */
  public enum Type {
    /** A stock split or reverse split; {@code value} = new shares per old share. */
    SPLIT,
    /** A cash dividend; {@code value} = USD per share. */
    CASH_DIVIDEND
  }

  /**
   * Validates every component.
   *
   * @throws InvalidRecordException naming the first invalid component, e.g. {@code Cannot create
   *     corporate action AAPL 2020-08-31 SPLIT: value 0.0 is not a positive finite number}
   */
  public CorporateAction {
    RecordCheck check = new RecordCheck("corporate action", symbol, exDate, type);
    check.requireNonNull("symbol", symbol);
    check.requireNonNull("exDate", exDate);
    check.requireNonNull("type", type);
    check.requirePositive("value", value);
    check.requireNonNull("source", source);
    if (!SOURCE.matcher(source).matches()) {
      throw check.invalid(
          "source", '"' + source + "\" is not a lower-case token like lean ([a-z0-9._-])");
    }
  }

  /** A split of {@code ratio} new shares per old share. */
  public static CorporateAction split(
      Symbol symbol, LocalDate exDate, double ratio, String source) {
    return new CorporateAction(symbol, exDate, Type.SPLIT, ratio, source);
  }

  /** A cash dividend of {@code amountUsd} per share. */
  public static CorporateAction cashDividend(
      Symbol symbol, LocalDate exDate, double amountUsd, String source) {
    return new CorporateAction(symbol, exDate, Type.CASH_DIVIDEND, amountUsd, source);
  }
}
