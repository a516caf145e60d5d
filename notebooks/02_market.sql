-- Databricks notebook source
-- MAGIC %md
-- MAGIC # The market on the latest trading date
-- MAGIC Top movers, volatility leaders and the sector summary of the last nightly run. Needs `00_setup`.

-- COMMAND ----------

-- Top movers on the latest trading date
SELECT direction, rank, symbol, close_usd, change_1d, volume_shares
FROM gold.top_movers
WHERE trading_date = (SELECT max(trading_date) FROM gold.top_movers)
ORDER BY direction, rank

-- COMMAND ----------

-- Volatility leaders on the latest trading date
SELECT rank, symbol, volatility_20d, close_usd
FROM gold.volatility_leaders
WHERE trading_date = (SELECT max(trading_date) FROM gold.volatility_leaders)
ORDER BY rank

-- COMMAND ----------

-- Sector summary on the latest trading date
SELECT sector, symbols, advancers, decliners, mean_change_1d, median_change_1d, dollar_volume_usd
FROM gold.sector_summary
WHERE trading_date = (SELECT max(trading_date) FROM gold.sector_summary)
ORDER BY dollar_volume_usd DESC

-- COMMAND ----------

-- Sector breadth over the last 20 trading dates (chart: x = trading_date, y = advancers, decliners)
SELECT trading_date, sector, advancers, decliners
FROM gold.sector_summary
WHERE trading_date > (SELECT date_sub(max(trading_date), 30) FROM gold.sector_summary)
ORDER BY trading_date, sector
