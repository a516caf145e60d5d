package io.marketlambda.core.lake;

/**
 * Every Delta table of the lake. A table lives in directory {@code <lake root>/<layer>/<table>}
 * ({@link LakeLayout#table}) and is registered in Spark SQL as {@link #qualifiedName()}.
 */
public enum LakeTable {
  /** Quotes landed from the Kafka quotes topic. */
  BRONZE_QUOTES(Layer.BRONZE, "quotes"),
  /** Bars imported from history files and vendor APIs. */
  BRONZE_BARS(Layer.BRONZE, "bars"),
  /** Splits and dividends as imported. */
  BRONZE_CORPORATE_ACTIONS(Layer.BRONZE, "corporate_actions"),
  /** Reference data of symbols (name, GICS sector), as imported. */
  BRONZE_SYMBOLS(Layer.BRONZE, "symbols"),
  /** Validated daily bars, adjusted for corporate actions. */
  SILVER_BARS_DAILY(Layer.SILVER, "bars_daily"),
  /** Validated intraday bars, adjusted for corporate actions. */
  SILVER_BARS_INTRADAY(Layer.SILVER, "bars_intraday"),
  /** Validated splits and dividends. */
  SILVER_CORPORATE_ACTIONS(Layer.SILVER, "corporate_actions"),
  /** Daily bars, the batch view. */
  GOLD_BARS_DAILY(Layer.GOLD, "bars_daily"),
  /** Weekly bars (Monday-start, America/New_York). */
  GOLD_BARS_WEEKLY(Layer.GOLD, "bars_weekly"),
  /** Monthly bars (America/New_York calendar months). */
  GOLD_BARS_MONTHLY(Layer.GOLD, "bars_monthly"),
  /** Daily technical indicators per symbol. */
  GOLD_INDICATORS_DAILY(Layer.GOLD, "indicators_daily"),
  /** Largest daily gainers and losers. */
  GOLD_TOP_MOVERS(Layer.GOLD, "top_movers"),
  /** Symbols ranked by recent volatility. */
  GOLD_VOLATILITY_LEADERS(Layer.GOLD, "volatility_leaders"),
  /** Daily aggregates per sector. */
  GOLD_SECTOR_SUMMARY(Layer.GOLD, "sector_summary");

  private final Layer layer;
  private final String tableName;

  LakeTable(Layer layer, String tableName) {
    this.layer = layer;
    this.tableName = tableName;
  }

  /** Returns the layer, which is also the table's Spark SQL database. */
  public Layer layer() {
    return layer;
  }

  /** Returns the table name within its layer, e.g. {@code quotes}; also its directory name. */
  public String tableName() {
    return tableName;
  }

  /** Returns the Spark SQL (metastore) name {@code <layer>.<table>}, e.g. {@code bronze.quotes}. */
  public String qualifiedName() {
    return layer.databaseName() + "." + tableName;
  }
}
