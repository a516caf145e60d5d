package io.marketlambda.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The eligibility rules a bar applies to its trades: the consolidated tape's table ({@link
 * SaleCondition}), optionally with some conditions taken out of the prices. A trade with a
 * condition in {@link #priceExcluded()} sets neither open, high, low nor close; its volume counts
 * as the tape's table says.
 *
 * <p>The exclusion exists to reproduce a vendor's bars: Lean's (AlgoSeek's) minute bars take no
 * price from intermarket sweep prints although the tape's matrices make them eligible for every
 * value, so {@code intermarket-sweep} excluded reproduces them (see the README's "Trades by their
 * sale conditions"). Both layers must apply the same rules, so one setting, {@code
 * bars.price-excluded-conditions}, feeds both.
 *
 * @param priceExcluded a bit set of {@link SaleCondition#mask()}s; 0 for the tape's rules
 */
public record SaleConditionRules(long priceExcluded) implements java.io.Serializable {
  /** The consolidated tape's rules, nothing excluded: the default. */
  public static final SaleConditionRules TAPE = new SaleConditionRules(0);

  /**
   * Validates the bit set.
   *
   * @throws IllegalArgumentException when a bit that is no sale condition is set
   */
  public SaleConditionRules {
    SaleCondition.requireKnown(priceExcluded);
  }

  /** Whether a trade with the conditions {@code bits} may be the last sale: open and close. */
  public boolean setsLast(long bits) {
    return SaleCondition.setsLast(bits) && (bits & priceExcluded) == 0;
  }

  /** Whether a trade with the conditions {@code bits} may set high and low. */
  public boolean setsHighLow(long bits) {
    return SaleCondition.setsHighLow(bits) && (bits & priceExcluded) == 0;
  }

  /** Whether a trade with the conditions {@code bits} counts in volume: the tape's table. */
  public boolean countsVolume(long bits) {
    return SaleCondition.countsVolume(bits);
  }

  /** What a trade may update in a bar, from most to least. */
  public enum Updates {
    /** Every value: open, high, low, close and volume. */
    LAST,
    /** High, low and volume, not the last sale (e.g. sold out of sequence). */
    HIGH_LOW,
    /** Volume only (e.g. average price, Form T). */
    VOLUME,
    /** Nothing (official open and close reports): kept in bronze and the bar's trade count. */
    NOTHING
  }

  /** What a trade with the conditions {@code bits} may update under these rules. */
  public Updates updates(long bits) {
    if (setsLast(bits)) {
      return Updates.LAST;
    }
    if (setsHighLow(bits)) {
      return Updates.HIGH_LOW;
    }
    return countsVolume(bits) ? Updates.VOLUME : Updates.NOTHING;
  }

  /** The conditions barring the last sale under these rules: a bit mask. */
  public long barringLast() {
    return SaleCondition.BARRING_LAST | priceExcluded;
  }

  /** The conditions barring high and low under these rules: a bit mask. */
  public long barringHighLow() {
    return SaleCondition.BARRING_HIGH_LOW | priceExcluded;
  }

  /** The conditions barring volume: the tape's. */
  public long barringVolume() {
    return SaleCondition.BARRING_VOLUME;
  }

  /**
   * Reads the config form: {@code none}, or wire names of sale conditions separated by commas, e.g.
   * {@code intermarket-sweep}.
   *
   * @throws IllegalArgumentException naming the value that is no sale condition
   */
  public static SaleConditionRules parse(String text) {
    if (text.strip().equals("none")) {
      return TAPE;
    }
    long bits = 0;
    for (String name : text.split(",", -1)) {
      bits |= SaleCondition.ofWireName(name.strip()).mask();
    }
    return new SaleConditionRules(bits);
  }

  /** The config form: {@code none}, or the excluded conditions' wire names joined by commas. */
  @Override
  public String toString() {
    List<SaleCondition> excluded = SaleCondition.of(priceExcluded);
    return excluded.isEmpty()
        ? "none"
        : excluded.stream().map(SaleCondition::wireName).collect(Collectors.joining(","));
  }
}
