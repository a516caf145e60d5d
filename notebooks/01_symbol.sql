-- Databricks notebook source
-- MAGIC %md
-- MAGIC # One symbol: daily bars, indicators and a chart
-- MAGIC Prices are split- and dividend-adjusted (`close_usd`); `raw_close_usd` is the price as traded.
-- MAGIC Needs `00_setup`. Pick the symbol with the widget.

-- COMMAND ----------

CREATE WIDGET TEXT symbol DEFAULT 'IBM'

-- COMMAND ----------

-- Daily bars, last 30 trading days
SELECT trading_date, open_usd, high_usd, low_usd, close_usd, raw_close_usd, volume_shares, source
FROM gold.bars_daily
WHERE symbol = upper('${symbol}')
ORDER BY trading_date DESC
LIMIT 30

-- COMMAND ----------

-- Latest indicators
SELECT trading_date, close_usd, change_1d, sma_20_usd, sma_50_usd, sma_200_usd, rsi_14,
       macd_usd, macd_signal_usd, atr_14_usd, volatility_20d, high_52w_usd, low_52w_usd
FROM gold.indicators_daily
WHERE symbol = upper('${symbol}')
ORDER BY trading_date DESC
LIMIT 1

-- COMMAND ----------

-- Chart: close with its 50- and 200-day averages and Bollinger bands, last year
-- (Databricks: add a line chart visualization, x = trading_date, y = the other columns)
SELECT trading_date, close_usd, sma_50_usd, sma_200_usd, bollinger_upper_usd, bollinger_lower_usd
FROM gold.indicators_daily
WHERE symbol = upper('${symbol}')
  AND trading_date > (SELECT date_sub(max(trading_date), 365)
                      FROM gold.indicators_daily WHERE symbol = upper('${symbol}'))
ORDER BY trading_date

-- COMMAND ----------

-- Weekly bars, last 12 weeks
SELECT bar_start, open_usd, high_usd, low_usd, close_usd, volume_shares
FROM gold.bars_weekly
WHERE symbol = upper('${symbol}')
ORDER BY bar_start DESC
LIMIT 12
