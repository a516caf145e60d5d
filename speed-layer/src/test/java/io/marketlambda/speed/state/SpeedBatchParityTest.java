package io.marketlambda.speed.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.views.AlertColumns;
import io.marketlambda.views.AlertRules;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.IndicatorColumns;
import io.marketlambda.views.IntradayAlerts;
import io.marketlambda.views.IntradayIndicators;
import io.marketlambda.views.QuoteColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One definition, proven: every real IBM and SPY trade of 2013-10-07 goes through the speed layer's
 * per-symbol state ({@link SymbolViews}, one minute of trades per micro-batch, the watermark 10 s
 * behind the newest trade) and through the batch functions on Spark, each trade with its sale
 * conditions and its listing market's auction prints ({@link BarsPipeline}, {@link
 * IntradayIndicators}, {@link IntradayAlerts}); every 1m, 5m, 15m and 1h bar, every indicator row
 * and every alert is equal, under the tape's rules and with sweeps taken out of the prices ({@link
 * BarsPipeline#PRICE_EXCLUDED_CONDITIONS}).
 */
class SpeedBatchParityTest {
  private static final AlertRules RULES = new AlertRules(0.002, 3.0, 0.002);
  private static final long WATERMARK_MILLIS = 10_000;
  private static final List<BarInterval> INTERVALS =
      List.of(
          BarInterval.ONE_MINUTE,
          BarInterval.FIVE_MINUTES,
          BarInterval.FIFTEEN_MINUTES,
          BarInterval.ONE_HOUR);

  @ParameterizedTest(name = "bars.price-excluded-conditions={0}")
  @ValueSource(strings = {"none", "intermarket-sweep"})
  void theSpeedLayersStateAndTheBatchFunctionsMakeEqualViewsOfARealDay(String excluded) {
    SaleConditionRules saleConditions = BarsPipeline.PRICE_EXCLUDED_CONDITIONS.parse(excluded);
    for (String name : List.of("IBM", "SPY")) {
      LeanTradeTicks day = LeanTradeTicks.read(name);
      Speed speed = speed(Symbol.of(name), day, saleConditions);
      assertThat(speed.late).isZero();
      SparkSession spark = LocalSpark.session();
      Dataset<Row> quotes = quotes(spark, name, day);
      Dataset<Row> minutes =
          BarsPipeline.fromQuotes(quotes, BarInterval.ONE_MINUTE, saleConditions).cache();

      for (BarInterval interval : INTERVALS) {
        // The batch layer's bars of the same trades, by the tape's rules over the whole interval:
        // the speed layer's roll-up of its minutes must equal them, including the 09:00 hour
        // whose pre-market minutes hold only Form T prints.
        Dataset<Row> batchBars =
            interval == BarInterval.ONE_MINUTE
                ? minutes
                : BarsPipeline.fromQuotes(quotes, interval, saleConditions);
        List<Row> rows = batchBars.collectAsList();
        Map<Instant, Bar> speedBars = speed.bars.get(interval);
        assertThat(speedBars).as(name + " " + interval).hasSize(rows.size());
        for (Row row : rows) {
          Bar batch = BarColumns.bar(row);
          Bar bar = speedBars.get(batch.start());
          assertThat(bar).as(name + " " + interval + " " + batch.start()).isNotNull();
          assertThat(bar.openUsd()).isEqualTo(batch.openUsd());
          assertThat(bar.highUsd()).isEqualTo(batch.highUsd());
          assertThat(bar.lowUsd()).isEqualTo(batch.lowUsd());
          assertThat(bar.closeUsd()).isEqualTo(batch.closeUsd());
          assertThat(bar.volumeShares()).isEqualTo(batch.volumeShares());
          assertThat(bar.tradeCount()).isEqualTo(batch.tradeCount());
          assertThat(bar.vwapUsd()).isCloseTo(batch.vwapUsd(), within(1e-9 * batch.vwapUsd()));
        }
      }

      Dataset<Row> indicators = IntradayIndicators.fromBars(minutes).cache();
      List<Row> indicatorRows = indicators.collectAsList();
      assertThat(indicatorRows).hasSize(390);
      assertThat(speed.indicators).hasSize(390);
      for (Row row : indicatorRows) {
        Instant start = ((Timestamp) row.getAs(IndicatorColumns.BAR_START)).toInstant();
        double[] values = speed.indicators.get(start);
        assertThat(values).as(name + " indicators " + start).isNotNull();
        for (int k = 0; k < IndicatorColumns.INDICATORS.size(); k++) {
          Double batch = row.getAs(IndicatorColumns.INDICATORS.get(k));
          String what = name + " " + IndicatorColumns.INDICATORS.get(k) + " at " + start;
          if (batch == null) {
            assertThat(values[k]).as(what).isNaN();
          } else {
            assertThat(values[k])
                .as(what)
                .isCloseTo(batch, within(1e-9 * Math.max(1, Math.abs(batch))));
          }
        }
      }

      Set<String> batchAlerts = new TreeSet<>();
      for (Row row :
          IntradayAlerts.fromIndicators(indicators, RULES, AlertColumns.PROVISIONAL)
              .collectAsList()) {
        batchAlerts.add(row.getAs(AlertColumns.ALERT_ID));
      }
      assertThat(batchAlerts).as(name + " alerts").isNotEmpty();
      assertThat(speed.alerts).as(name + " alerts").isEqualTo(batchAlerts);
      assertThat(speed.withdrawn).as(name + ": whole minutes raise no alert to withdraw").isEmpty();
      minutes.unpersist();
      indicators.unpersist();
    }
  }

  /** What the speed layer's state handed out, the last update of each row winning. */
  static final class Speed implements SymbolViews.Updates {
    final Map<BarInterval, Map<Instant, Bar>> bars = new HashMap<>();
    final Map<Instant, double[]> indicators = new TreeMap<>();
    final Set<String> alerts = new TreeSet<>();
    final Set<String> withdrawn = new TreeSet<>();
    long late;

    @Override
    public void bar(Bar bar) {
      bars.computeIfAbsent(bar.interval(), key -> new TreeMap<>()).put(bar.start(), bar);
    }

    @Override
    public void indicators(Bar oneMinuteBar, double[] values) {
      indicators.put(oneMinuteBar.start(), values.clone());
    }

    @Override
    public void alert(Alert alert) {
      alerts.add(alert.id());
    }

    @Override
    public void withdraw(Symbol symbol, Instant time, io.marketlambda.core.model.AlertType type) {
      withdrawn.add(symbol.value() + "/" + type.code() + "/" + time.toEpochMilli());
    }
  }

  /**
   * The trades in file order, one minute per micro-batch; between micro-batches the state goes
   * through its byte form, as in Spark's state store.
   */
  static Speed speed(Symbol symbol, LeanTradeTicks day, SaleConditionRules saleConditions) {
    Speed out = new Speed();
    SymbolViews views = SymbolViews.empty(symbol, RULES, saleConditions);
    long watermark = 0;
    long newest = Long.MIN_VALUE;
    List<LeanTradeTicks.Tick> ticks = day.ticks();
    int i = 0;
    while (i < ticks.size()) {
      views = SymbolViews.read(symbol, RULES, saleConditions, views.toBytes());
      views.advanceTo(watermark, out);
      long minute = Math.floorDiv(ticks.get(i).time().toEpochMilli(), 60_000);
      while (i < ticks.size()
          && Math.floorDiv(ticks.get(i).time().toEpochMilli(), 60_000) == minute) {
        LeanTradeTicks.Tick tick = ticks.get(i++);
        long millis = tick.time().toEpochMilli();
        newest = Math.max(newest, millis);
        SymbolViews.Outcome outcome =
            views.addTrade(
                watermark,
                millis,
                tick.line(),
                tick.priceUsd(),
                tick.size(),
                tick.conditions(),
                AuctionPrint.of(tick.conditions(), tick.exchange(), day.listingExchange()));
        if (outcome == SymbolViews.Outcome.LATE) {
          out.late++;
        }
      }
      views.emitChanges(out);
      watermark = Math.max(watermark, newest - WATERMARK_MILLIS);
    }
    return out;
  }

  private static Dataset<Row> quotes(SparkSession spark, String symbol, LeanTradeTicks day) {
    List<Row> rows = new ArrayList<>();
    for (LeanTradeTicks.Tick tick : day.ticks()) {
      rows.add(
          RowFactory.create(
              symbol,
              Timestamp.from(tick.time()),
              tick.priceUsd(),
              tick.size(),
              "lean-tick",
              tick.line(),
              tick.exchange(),
              tick.conditions(),
              day.listingExchange()));
    }
    return spark.createDataFrame(rows, QuoteColumns.SCHEMA);
  }
}
