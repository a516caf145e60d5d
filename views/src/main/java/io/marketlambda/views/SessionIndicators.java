package io.marketlambda.views;

import io.marketlambda.core.indicator.Indicators;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.MarketTime;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The intraday indicators of one symbol ({@link IndicatorColumns}), updated one 1-minute bar at a
 * time: the one definition both layers use. The speed layer keeps one per symbol in its streaming
 * state; {@link IntradayIndicators} feeds it a session's bars in order in Spark.
 *
 * <p>Feed regular-session bars ({@link MarketTime#isRegularSession}) oldest first. Each bar of a
 * new trading date (America/New_York) starts a new session: every indicator restarts, and the
 * opening gap is taken against the last close of the session before. The math is {@link
 * Indicators}' (the sources are there), computed over fixed windows of the last closes and volumes,
 * so each bar costs the same whatever the length of the session; a test checks it against {@link
 * Indicators}' arrays.
 *
 * <p>State is a few hundred bytes: the last {@value #CLOSES} closes, the last {@value #VOLUMES}
 * volumes, three EMAs, the session's notional and volume. {@link #copy()} gives an independent copy
 * (for provisional values of a bar still filling up); {@link #write}/{@link #read} a binary form.
 */
public final class SessionIndicators {
  /** Closes kept: the longest SMA. */
  static final int CLOSES = 60;

  /** Volumes kept: the z-score's window and the bar itself. */
  static final int VOLUMES = IntradayIndicators.VOLATILITY_BARS + 1;

  private static final int[] EMA_PERIODS = {5, 15, 60};

  private long sessionEpochDay = Long.MIN_VALUE;
  private int bars;
  private final double[] closes = new double[CLOSES];
  private final double[] volumes = new double[VOLUMES];
  private final double[] emas = new double[EMA_PERIODS.length];
  private double notionalUsd;
  private double volumeShares;
  private double lastChange = Double.NaN;
  private double lastCloseUsd = Double.NaN;
  private double previousSessionCloseUsd = Double.NaN;

  /** Indicators with no history: the first bar fed starts a session without an opening gap. */
  public SessionIndicators() {}

  /** Returns an independent copy. */
  public SessionIndicators copy() {
    SessionIndicators copy = new SessionIndicators();
    copy.sessionEpochDay = sessionEpochDay;
    copy.bars = bars;
    System.arraycopy(closes, 0, copy.closes, 0, CLOSES);
    System.arraycopy(volumes, 0, copy.volumes, 0, VOLUMES);
    System.arraycopy(emas, 0, copy.emas, 0, emas.length);
    copy.notionalUsd = notionalUsd;
    copy.volumeShares = volumeShares;
    copy.lastChange = lastChange;
    copy.lastCloseUsd = lastCloseUsd;
    copy.previousSessionCloseUsd = previousSessionCloseUsd;
    return copy;
  }

  /**
   * Sets the close of the session before the next bar's, for its opening gap, when the bars of that
   * session are not fed (e.g. a batch computing one session alone).
   *
   * @param closeUsd the previous session's last regular-session close, USD; NaN for none
   */
  public void setPreviousSessionClose(double closeUsd) {
    this.previousSessionCloseUsd = closeUsd;
    this.lastCloseUsd = closeUsd;
    this.sessionEpochDay = Long.MIN_VALUE;
  }

  /**
   * Feeds the next bar and returns its indicators.
   *
   * @param bar a regular-session 1-minute bar, later than every bar fed before
   * @return the values of {@link IndicatorColumns#INDICATORS}, in that order; NaN where not defined
   * @throws IllegalArgumentException when the bar is not in the regular session
   */
  public double[] next(Bar bar) {
    if (!MarketTime.isRegularSession(bar.start())) {
      throw new IllegalArgumentException(
          "Cannot compute intraday indicators of "
              + bar.symbol()
              + " at "
              + bar.start()
              + ": not in the regular session (09:30-16:00 America/New_York)");
    }
    LocalDate date = MarketTime.tradingDate(bar.start());
    boolean first = date.toEpochDay() != sessionEpochDay;
    if (first) {
      previousSessionCloseUsd = lastCloseUsd;
      sessionEpochDay = date.toEpochDay();
      bars = 0;
      notionalUsd = 0;
      volumeShares = 0;
      lastChange = Double.NaN;
      Arrays.fill(emas, Double.NaN);
    }
    double close = bar.closeUsd();
    double volume = bar.volumeShares();
    closes[bars % CLOSES] = close;
    volumes[bars % VOLUMES] = volume;
    bars++;
    notionalUsd += bar.vwapUsd() * volume;
    volumeShares += volume;

    double[] values = new double[IndicatorColumns.INDICATORS.size()];
    values[0] = sma(5);
    values[1] = sma(15);
    values[2] = sma(60);
    for (int k = 0; k < EMA_PERIODS.length; k++) {
      values[3 + k] = ema(k, close);
    }
    values[6] = volumeShares > 0 ? notionalUsd / volumeShares : Double.NaN;
    values[7] = realizedVolatility();
    double change =
        bars > IntradayIndicators.CHANGE_BARS
            ? close / close(IntradayIndicators.CHANGE_BARS) - 1
            : Double.NaN;
    values[8] = change;
    values[9] = lastChange;
    values[10] = volumeZScore();
    values[11] =
        first && !Double.isNaN(previousSessionCloseUsd)
            ? bar.openUsd() / previousSessionCloseUsd - 1
            : Double.NaN;
    lastChange = change;
    lastCloseUsd = close;
    return values;
  }

  /** The close {@code back} bars before the newest (0 = the newest). */
  private double close(int back) {
    return closes[(bars - 1 - back) % CLOSES];
  }

  private double sma(int period) {
    if (bars < period) {
      return Double.NaN;
    }
    double sum = 0;
    for (int back = period - 1; back >= 0; back--) {
      sum += close(back);
    }
    return sum / period;
  }

  /** EMA seeded with the SMA of the first {@code period} closes, as {@link Indicators#ema}. */
  private double ema(int k, double close) {
    int period = EMA_PERIODS[k];
    if (bars < period) {
      return Double.NaN;
    }
    if (bars == period) {
      emas[k] = sma(period);
    } else {
      double alpha = 2.0 / (period + 1);
      emas[k] = alpha * close + (1 - alpha) * emas[k];
    }
    return emas[k];
  }

  /** As {@link Indicators#realizedVolatility} over the last 30 one-minute log returns. */
  private double realizedVolatility() {
    int window = IntradayIndicators.VOLATILITY_BARS;
    if (bars <= window) {
      return Double.NaN;
    }
    double sum = 0;
    for (int back = window - 1; back >= 0; back--) {
      double logReturn = Math.log(close(back) / close(back + 1));
      sum += logReturn * logReturn;
    }
    return Math.sqrt(IntradayIndicators.MINUTES_PER_YEAR / window * Math.max(sum, 0));
  }

  /** As {@link Indicators#trailingZScore} over the 30 volumes before the newest. */
  private double volumeZScore() {
    int window = IntradayIndicators.VOLATILITY_BARS;
    if (bars <= window) {
      return Double.NaN;
    }
    double mean = 0;
    for (int back = window; back >= 1; back--) {
      mean += volume(back);
    }
    mean /= window;
    double squares = 0;
    for (int back = window; back >= 1; back--) {
      double difference = volume(back) - mean;
      squares += difference * difference;
    }
    double deviation = Math.sqrt(squares / (window - 1));
    return deviation > 0 ? (volume(0) - mean) / deviation : Double.NaN;
  }

  private double volume(int back) {
    return volumes[(bars - 1 - back) % VOLUMES];
  }

  /** Writes the state, for {@link #read}. */
  public void write(DataOutput out) throws IOException {
    out.writeLong(sessionEpochDay);
    out.writeInt(bars);
    int keptCloses = Math.min(bars, CLOSES);
    for (int back = keptCloses - 1; back >= 0; back--) {
      out.writeDouble(close(back));
    }
    int keptVolumes = Math.min(bars, VOLUMES);
    for (int back = keptVolumes - 1; back >= 0; back--) {
      out.writeDouble(volume(back));
    }
    for (double ema : emas) {
      out.writeDouble(ema);
    }
    out.writeDouble(notionalUsd);
    out.writeDouble(volumeShares);
    out.writeDouble(lastChange);
    out.writeDouble(lastCloseUsd);
    out.writeDouble(previousSessionCloseUsd);
  }

  /** Reads what {@link #write} wrote. */
  public static SessionIndicators read(DataInput in) throws IOException {
    SessionIndicators state = new SessionIndicators();
    state.sessionEpochDay = in.readLong();
    state.bars = in.readInt();
    int keptCloses = Math.min(state.bars, CLOSES);
    for (int back = keptCloses - 1; back >= 0; back--) {
      state.closes[(state.bars - 1 - back) % CLOSES] = in.readDouble();
    }
    int keptVolumes = Math.min(state.bars, VOLUMES);
    for (int back = keptVolumes - 1; back >= 0; back--) {
      state.volumes[(state.bars - 1 - back) % VOLUMES] = in.readDouble();
    }
    for (int k = 0; k < state.emas.length; k++) {
      state.emas[k] = in.readDouble();
    }
    state.notionalUsd = in.readDouble();
    state.volumeShares = in.readDouble();
    state.lastChange = in.readDouble();
    state.lastCloseUsd = in.readDouble();
    state.previousSessionCloseUsd = in.readDouble();
    return state;
  }
}
