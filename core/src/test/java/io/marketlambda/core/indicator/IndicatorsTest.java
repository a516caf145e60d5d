package io.marketlambda.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The indicators on IBM's real closes of 2013-09-20 to 2013-10-01 (Lean raw daily bars, prices /
 * 10,000), checked against values worked out by hand below.
 */
class IndicatorsTest {
  // 09-20, 09-23, 09-24, 09-25, 09-26, 09-27, 09-30, 10-01
  private static final double[] CLOSES = {
    190.02, 190.99, 189.97, 189.47, 190.22, 186.92, 185.18, 186.38
  };

  @Test
  void smaIsTheMeanOfTheLastPeriodCloses() {
    double[] sma = Indicators.sma(CLOSES, 3);

    assertThat(sma[0]).isNaN();
    assertThat(sma[1]).isNaN();
    assertThat(sma[2]).isCloseTo((190.02 + 190.99 + 189.97) / 3, within(1e-9));
    assertThat(sma[3]).isCloseTo((190.99 + 189.97 + 189.47) / 3, within(1e-9));
    assertThat(sma[7]).isCloseTo((186.92 + 185.18 + 186.38) / 3, within(1e-9));
  }

  @Test
  void emaIsSeededWithTheSmaThenSmoothed() {
    double[] ema = Indicators.ema(CLOSES, 3);
    // alpha = 2 / (3 + 1) = 0.5
    double seed = (190.02 + 190.99 + 189.97) / 3; // 190.3266...
    double fourth = 0.5 * 189.47 + 0.5 * seed; // 189.8983...
    double fifth = 0.5 * 190.22 + 0.5 * fourth; // 190.0591...

    assertThat(ema[1]).isNaN();
    assertThat(ema[2]).isCloseTo(seed, within(1e-9));
    assertThat(ema[3]).isCloseTo(fourth, within(1e-9));
    assertThat(ema[4]).isCloseTo(fifth, within(1e-9));
    assertThat(ema[4]).isCloseTo(190.0591, within(1e-4));
  }

  @Test
  void rsiFollowsWildersSmoothing() {
    double[] rsi = Indicators.rsiWilder(CLOSES, 3);
    // Changes: +0.97, -1.02, -0.50, +0.75, -3.30, ...
    double gain = 0.97 / 3;
    double loss = (1.02 + 0.50) / 3;
    double first = 100 - 100 / (1 + gain / loss); // index 3 (09-25): 38.955...
    double nextGain = (gain * 2 + 0.75) / 3;
    double nextLoss = (loss * 2 + 0) / 3;
    double second = 100 - 100 / (1 + nextGain / nextLoss); // index 4 (09-26)

    assertThat(rsi[2]).isNaN();
    assertThat(rsi[3]).isCloseTo(first, within(1e-9));
    assertThat(rsi[3]).isCloseTo(38.955, within(1e-3));
    assertThat(rsi[4]).isCloseTo(second, within(1e-9));
  }

  @Test
  void rsiIsAHundredWithoutLosses() {
    assertThat(Indicators.rsiWilder(new double[] {1, 2, 3, 4}, 3)[3]).isEqualTo(100);
  }

  @Test
  void aSeriesShorterThanThePeriodHasNoValue() {
    assertThat(Indicators.sma(new double[] {1, 2}, 3)).containsOnly(Double.NaN);
    assertThat(Indicators.ema(new double[] {1, 2}, 3)).containsOnly(Double.NaN);
    assertThat(Indicators.rsiWilder(new double[] {1, 2, 3}, 3)).containsOnly(Double.NaN);
  }

  @Test
  void rejectsAPeriodBelowOne() {
    assertThatThrownBy(() -> Indicators.sma(CLOSES, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute an indicator over period 0");
  }

  @Test
  void rateOfChangeIsTheFractionalMoveOverTheLag() {
    double[] change = Indicators.rateOfChange(CLOSES, 2);

    assertThat(change[1]).isNaN();
    assertThat(change[2]).isCloseTo(189.97 / 190.02 - 1, within(1e-12));
    assertThat(change[6]).isCloseTo(185.18 / 190.22 - 1, within(1e-12)); // -2.65 %
    assertThat(change[6]).isCloseTo(-0.0265, within(1e-4));
  }

  @Test
  void cumulativeVwapWeighsEachPriceByItsVolume() {
    double[] prices = {10, 12, 11};
    double[] volumes = {0, 100, 300};

    double[] vwap = Indicators.cumulativeVwap(prices, volumes);

    assertThat(vwap[0]).isNaN(); // no volume yet
    assertThat(vwap[1]).isEqualTo(12.0);
    assertThat(vwap[2]).isCloseTo((12.0 * 100 + 11.0 * 300) / 400, within(1e-12)); // 11.25
    assertThatThrownBy(() -> Indicators.cumulativeVwap(prices, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 and 2");
  }

  @Test
  void realizedVolatilityAnnualizesTheSumOfSquaredLogReturns() {
    double[] vol = Indicators.realizedVolatility(CLOSES, 3, 252);
    double r1 = Math.log(190.99 / 190.02);
    double r2 = Math.log(189.97 / 190.99);
    double r3 = Math.log(189.47 / 189.97);
    double r4 = Math.log(190.22 / 189.47);

    assertThat(vol[2]).isNaN();
    assertThat(vol[3])
        .isCloseTo(Math.sqrt(252.0 / 3 * (r1 * r1 + r2 * r2 + r3 * r3)), within(1e-12));
    assertThat(vol[4])
        .isCloseTo(Math.sqrt(252.0 / 3 * (r2 * r2 + r3 * r3 + r4 * r4)), within(1e-12));
    assertThat(vol[3]).isCloseTo(0.0719, within(1e-4)); // 7.2 % a year over those three days
    assertThatThrownBy(() -> Indicators.realizedVolatility(new double[] {1, 0}, 1, 252))
        .hasMessageContaining("index 1");
  }

  @Test
  void trailingZScoreComparesEachValueWithTheWindowBeforeIt() {
    double[] volumes = {100, 200, 300, 600, 300, 300, 300, 900};

    double[] z = Indicators.trailingZScore(volumes, 3);

    assertThat(z[2]).isNaN();
    // window 100, 200, 300: mean 200, sample sd 100
    assertThat(z[3]).isCloseTo(4.0, within(1e-12));
    // window 200, 300, 600: mean 366.67, sd sqrt(((-166.67)^2 + (-66.67)^2 + 233.33^2) / 2)
    double sd = Math.sqrt((166.67 * 166.67 + 66.67 * 66.67 + 233.33 * 233.33) / 2);
    assertThat(z[4]).isCloseTo((300 - 366.667) / sd, within(1e-3));
    // window 300, 300, 300 has no spread: undefined, not infinite
    assertThat(z[7]).isNaN();
  }

  @Test
  void macdIsTheFastMinusSlowEmaWithAnEmaSignal() {
    double[][] macd = Indicators.macd(CLOSES, 2, 3, 2);
    // EMA(2): alpha 2/3, seed mean(190.02, 190.99) at index 1.
    double fast1 = (190.02 + 190.99) / 2;
    double fast2 = 2.0 / 3 * 189.97 + fast1 / 3;
    double fast3 = 2.0 / 3 * 189.47 + fast2 / 3;
    // EMA(3): alpha 1/2, seed mean of the first three at index 2.
    double slow2 = (190.02 + 190.99 + 189.97) / 3;
    double slow3 = 0.5 * 189.47 + 0.5 * slow2;
    double line2 = fast2 - slow2;
    double line3 = fast3 - slow3;
    // Signal EMA(2) of the MACD line, seeded with mean(line2, line3) at index 3.
    double signal3 = (line2 + line3) / 2;

    assertThat(macd[0][1]).isNaN();
    assertThat(macd[0][2]).isCloseTo(line2, within(1e-9));
    assertThat(macd[0][3]).isCloseTo(line3, within(1e-9));
    assertThat(macd[1][2]).isNaN();
    assertThat(macd[1][3]).isCloseTo(signal3, within(1e-9));
    assertThat(macd[2][3]).isCloseTo(line3 - signal3, within(1e-9));
  }

  @Test
  void bollingerBandsArePopulationDeviationsAroundTheSma() {
    double[][] bands = Indicators.bollinger(CLOSES, 3, 2);
    double mean = (190.02 + 190.99 + 189.97) / 3;
    double deviation =
        Math.sqrt(
            (Math.pow(190.02 - mean, 2) + Math.pow(190.99 - mean, 2) + Math.pow(189.97 - mean, 2))
                / 3);

    assertThat(bands[0][2]).isCloseTo(mean, within(1e-9));
    assertThat(bands[1][2]).isCloseTo(mean + 2 * deviation, within(1e-9));
    assertThat(bands[2][2]).isCloseTo(mean - 2 * deviation, within(1e-9));
    assertThat(bands[1][1]).isNaN();
  }

  @Test
  void atrIsWildersSmoothedTrueRange() {
    double[] highs = {10, 11, 12, 11.5, 13};
    double[] lows = {9, 10, 10.5, 10, 11};
    double[] closes = {9.5, 10.8, 11.9, 10.2, 12.5};
    // True ranges from bar 1: max(1, |11-9.5|, |10-9.5|) = 1.5; max(1.5, 1.2, 0.3) = 1.5;
    // max(1.5, 0.4, 1.9) = 1.9; max(2, 2.8, 0.8) = 2.8.
    double[] atr = Indicators.atrWilder(highs, lows, closes, 2);

    assertThat(atr[1]).isNaN();
    assertThat(atr[2]).isCloseTo((1.5 + 1.5) / 2, within(1e-12));
    assertThat(atr[3]).isCloseTo((1.5 * 1 + 1.9) / 2, within(1e-12));
    assertThat(atr[4]).isCloseTo((1.7 * 1 + 2.8) / 2, within(1e-12));
  }

  @Test
  void historicalVolatilityIsTheAnnualizedSampleDeviationOfLogReturns() {
    double[] vol = Indicators.historicalVolatility(CLOSES, 3, 252);
    double r1 = Math.log(190.99 / 190.02);
    double r2 = Math.log(189.97 / 190.99);
    double r3 = Math.log(189.47 / 189.97);
    double mean = (r1 + r2 + r3) / 3;
    double variance =
        (Math.pow(r1 - mean, 2) + Math.pow(r2 - mean, 2) + Math.pow(r3 - mean, 2)) / 2;

    assertThat(vol[2]).isNaN();
    assertThat(vol[3]).isCloseTo(Math.sqrt(variance * 252), within(1e-12));
  }

  @Test
  void rollingExtremesCoverTheWindowAndTheStart() {
    double[] max = Indicators.rollingMax(CLOSES, 3);
    double[] min = Indicators.rollingMin(CLOSES, 3);

    assertThat(max[0]).isEqualTo(190.02);
    assertThat(max[1]).isEqualTo(190.99);
    assertThat(max[3]).isEqualTo(190.99); // 190.99, 189.97, 189.47
    assertThat(max[4]).isEqualTo(190.22); // 189.97, 189.47, 190.22
    assertThat(min[4]).isEqualTo(189.47);
    assertThat(min[7]).isEqualTo(185.18); // 186.92, 185.18, 186.38
  }
}
