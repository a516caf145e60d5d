package io.marketlambda.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A trade's sale condition as reported on the consolidated tape, with the one eligibility table of
 * the product: which of a bar's values a trade with this condition may update.
 *
 * <p>Each constant states three things, from the consolidated tape's published trade-condition
 * matrices, columns "consolidated processing" (CTA: CTS Output Multicast Interface Specification,
 * appendix "Sale Condition" table; UTP: UTP Plan Trade Data Feed Specification, "Sale Condition
 * Matrix"):
 *
 * <ul>
 *   <li>{@link #setsLast()}: the trade may be the last sale, so a bar's open and close;
 *   <li>{@link #setsHighLow()}: it may set a bar's high and low;
 *   <li>{@link #countsVolume()}: its size counts in a bar's volume.
 * </ul>
 *
 * A trade carries zero or more conditions (a bit set, {@link #mask()}); it may update a value only
 * when every one of its conditions allows it, as the matrices combine them (a trade with no stated
 * condition is a regular sale). So an average-price print reported through a trade reporting
 * facility counts in volume but sets no price, and a sold-out-of-sequence print sets high and low
 * but not the last sale.
 *
 * <p>The bit of each condition is the layout of the AlgoSeek trade-condition flags that
 * QuantConnect Lean's tick files write in hexadecimal ({@code TradeConditionFlags}), so a Lean
 * condition field maps one to one. In that data, Form T (extended hours) trades carry {@link
 * #EXTENDED_HOURS}, and CTA's "sold (out of sequence)" is {@link #SOLD_LAST} with {@link
 * #OUT_OF_SEQUENCE}. On the wire a condition is named by {@link #wireName()}, e.g. {@code
 * intermarket-sweep}.
 */
public enum SaleCondition {
  /** "@", regular sale: no stated conditions. */
  REGULAR(0, true, true, true),
  /** "C", cash trade: settled the same day. */
  CASH(1, false, false, true),
  /** "N", next day trade. */
  NEXT_DAY(2, false, false, true),
  /** "R", seller's option. */
  SELLER(3, false, false, true),
  /** "Y" (UTP), yellow flag: a regular trade reported during an out-of-the-ordinary event. */
  YELLOW_FLAG(4, true, true, true),
  /** "F", intermarket sweep order (Reg NMS rule 611). */
  INTERMARKET_SWEEP(5, true, true, true),
  /** "O", market center opening trade. */
  OPENING_PRINT(6, true, true, true),
  /** "6", market center closing trade. */
  CLOSING_PRINT(7, true, true, true),
  /** "5", market center reopening trade. */
  REOPENING_PRINT(8, true, true, true),
  /** "4", derivatively priced: sets high and low, not the last sale. */
  DERIVATIVELY_PRICED(9, false, true, true),
  /** "T", Form T: a trade outside the regular session. */
  FORM_T(10, false, false, true),
  /** "L", sold last: reported late but in sequence. */
  SOLD_LAST(11, true, true, true),
  /** Stopped stock: a regular trade at a guaranteed price. */
  STOPPED(12, true, true, true),
  /** "T" in the AlgoSeek layout: extended-hours trade (Form T). */
  EXTENDED_HOURS(13, false, false, true),
  /** "Z", sold out of sequence: sets high and low, not the last sale. */
  OUT_OF_SEQUENCE(14, false, true, true),
  /** Split trade: executed in two markets. */
  SPLIT(15, true, true, true),
  /** Acquisition: a trade from an exchange acquisition. */
  ACQUISITION(16, true, true, true),
  /** Bunched trade: regular trades aggregated. */
  BUNCHED(17, true, true, true),
  /** "V", contingent (stock-option) trade. */
  STOCK_OPTION(18, false, false, true),
  /** Distribution: a block sold without moving the price. */
  DISTRIBUTION(19, true, true, true),
  /** "B"/"W", average price trade: counts in volume only. */
  AVERAGE_PRICE(20, false, false, true),
  /** "X", cross trade. */
  CROSS(21, true, true, true),
  /** "H", price variation trade: away from the prevailing market; volume only. */
  PRICE_VARIATION(22, false, false, true),
  /** "K", rule 127 (NYSE) or rule 155 (NYSE American) trade. */
  RULE_155(23, true, true, true),
  /** "M", market center official close: a report, not a trade; updates nothing. */
  OFFICIAL_CLOSE(24, false, false, false),
  /** "P", prior reference price: sets high and low, not the last sale. */
  PRIOR_REFERENCE_PRICE(25, false, true, true),
  /** "Q", market center official open: a report, not a trade; updates nothing. */
  OFFICIAL_OPEN(26, false, false, false),
  /** CAP election trade (NYSE). */
  CAP_ELECTION(27, true, true, true),
  /** "E", automatic execution. */
  AUTO_EXECUTION(28, true, true, true),
  /** Trade-through exempt (Reg NMS rule 611): a flag that changes no eligibility. */
  TRADE_THROUGH_EXEMPT(29, true, true, true),
  /** A flag in AlgoSeek's data that its documentation does not describe: changes nothing. */
  UNDOCUMENTED(30, true, true, true),
  /** "I", odd lot trade (under 100 shares): volume only. */
  ODD_LOT(31, false, false, true);

  /** Every bit a condition uses; a bit set with another bit is invalid. */
  public static final long KNOWN_BITS = (1L << 32) - 1;

  private static final SaleCondition[] BY_BIT = new SaleCondition[32];
  private static final Map<String, SaleCondition> BY_WIRE_NAME = new HashMap<>();

  static {
    for (SaleCondition condition : values()) {
      BY_BIT[condition.bit] = condition;
      BY_WIRE_NAME.put(condition.wireName, condition);
    }
  }

  private final int bit;
  private final boolean setsLast;
  private final boolean setsHighLow;
  private final boolean countsVolume;
  private final String wireName;

  SaleCondition(int bit, boolean setsLast, boolean setsHighLow, boolean countsVolume) {
    this.wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    this.bit = bit;
    this.setsLast = setsLast;
    this.setsHighLow = setsHighLow;
    this.countsVolume = countsVolume;
  }

  /** This condition's bit in a bit set of conditions. */
  public long mask() {
    return 1L << bit;
  }

  /** Whether a trade with this condition may be the last sale (a bar's open and close). */
  public boolean setsLast() {
    return setsLast;
  }

  /** Whether a trade with this condition may set a bar's high and low. */
  public boolean setsHighLow() {
    return setsHighLow;
  }

  /** Whether a trade with this condition counts in a bar's volume. */
  public boolean countsVolume() {
    return countsVolume;
  }

  /** The name on the wire: lower case with hyphens, e.g. {@code intermarket-sweep}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the condition of a wire name.
   *
   * @throws IllegalArgumentException naming the value when it is no condition's wire name
   */
  public static SaleCondition ofWireName(String name) {
    SaleCondition condition = BY_WIRE_NAME.get(name);
    if (condition != null) {
      return condition;
    }
    throw new IllegalArgumentException(
        '"' + name + "\" is not a sale condition (e.g. regular, intermarket-sweep, form-t)");
  }

  /**
   * Returns the conditions of a bit set, in bit order.
   *
   * @throws IllegalArgumentException when a bit outside {@link #KNOWN_BITS} is set
   */
  public static List<SaleCondition> of(long bits) {
    requireKnown(bits);
    List<SaleCondition> conditions = new ArrayList<>(Long.bitCount(bits));
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      conditions.add(BY_BIT[Long.numberOfTrailingZeros(rest)]);
    }
    return conditions;
  }

  /**
   * Throws unless only {@link #KNOWN_BITS} are set.
   *
   * @throws IllegalArgumentException naming the bits in hexadecimal
   */
  public static void requireKnown(long bits) {
    if ((bits & ~KNOWN_BITS) != 0) {
      throw new IllegalArgumentException(
          "0x" + Long.toHexString(bits) + " sets bits that are no sale condition");
    }
  }

  /** Whether a trade with the conditions {@code bits} may be the last sale: open and close. */
  public static boolean setsLast(long bits) {
    return (bits & BARRING_LAST) == 0;
  }

  /** Whether a trade with the conditions {@code bits} may set high and low. */
  public static boolean setsHighLow(long bits) {
    return (bits & BARRING_HIGH_LOW) == 0;
  }

  /** Whether a trade with the conditions {@code bits} counts in volume. */
  public static boolean countsVolume(long bits) {
    return (bits & BARRING_VOLUME) == 0;
  }

  /** The conditions barring the last sale: a trade sets it when none of these bits is set. */
  public static final long BARRING_LAST = barring(condition -> condition.setsLast);

  /** The conditions barring high and low. */
  public static final long BARRING_HIGH_LOW = barring(condition -> condition.setsHighLow);

  /** The conditions barring volume. */
  public static final long BARRING_VOLUME = barring(condition -> condition.countsVolume);

  private static long barring(Predicate<SaleCondition> allows) {
    long mask = 0;
    for (SaleCondition condition : values()) {
      if (!allows.test(condition)) {
        mask |= condition.mask();
      }
    }
    return mask;
  }
}
