-- Databricks notebook source
-- MAGIC %md
-- MAGIC # marketlambda: register the batch views
-- MAGIC The nightly job writes the gold tables as Delta directories under `lake.root`
-- MAGIC (`<lake_root>/gold/<table>`). This notebook registers them as `gold.<table>` so the other
-- MAGIC notebooks can query them by name. Run it once per workspace, again after a new gold table.
-- MAGIC Set `lake_root` to the job's `lake.root` (e.g. `abfss://lake@<account>.dfs.core.windows.net/marketlambda/lake`).

-- COMMAND ----------

CREATE WIDGET TEXT lake_root DEFAULT 'abfss://lake@account.dfs.core.windows.net/marketlambda/lake'

-- COMMAND ----------

CREATE SCHEMA IF NOT EXISTS gold

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.bars_daily USING DELTA LOCATION '${lake_root}/gold/bars_daily'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.bars_weekly USING DELTA LOCATION '${lake_root}/gold/bars_weekly'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.bars_monthly USING DELTA LOCATION '${lake_root}/gold/bars_monthly'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.indicators_daily USING DELTA LOCATION '${lake_root}/gold/indicators_daily'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.top_movers USING DELTA LOCATION '${lake_root}/gold/top_movers'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.volatility_leaders USING DELTA LOCATION '${lake_root}/gold/volatility_leaders'

-- COMMAND ----------

CREATE TABLE IF NOT EXISTS gold.sector_summary USING DELTA LOCATION '${lake_root}/gold/sector_summary'

-- COMMAND ----------

-- The last nightly run: its date, when it finished, rows written per table
SELECT run_id, run_date, finished_at, row_counts
FROM delta.`${lake_root}/batch_runs`
ORDER BY finished_at DESC
LIMIT 1
