package io.marketlambda.core.lake;

import java.util.Locale;

/**
 * A layer of the lake. Each layer is one Spark SQL database and one directory under the lake root,
 * both named {@link #databaseName()}.
 */
public enum Layer {
  /** Raw data as landed or imported, append-only with lineage columns: the master data set. */
  BRONZE,
  /** Validated and deduplicated data with corporate actions applied. */
  SILVER,
  /** The batch views served to users: bars, indicators, rankings. */
  GOLD;

  /**
   * Returns the database and directory name of the layer: {@code bronze}, {@code silver}, {@code
   * gold}.
   */
  public String databaseName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
