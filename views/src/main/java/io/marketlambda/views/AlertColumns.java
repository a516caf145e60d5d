package io.marketlambda.views;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of an alerts Dataset ({@link IntradayAlerts}), one row per alert:
 *
 * <pre>
 * alert_id     string     symbol/type/epoch ms of alert_time: the same alert always has the same id
 * symbol       string     e.g. IBM
 * alert_time   timestamp  start of the 1-minute bar that raised it
 * alert_type   string     price_spike, price_drop, volume_spike, opening_gap_up, opening_gap_down
 * value        double     what was measured: change_5 or opening_gap (fraction), or volume z-score
 * threshold    double     the rule's threshold it crossed, same unit
 * status       string     provisional (speed layer); the batch layer confirms or retracts
 * </pre>
 */
public final class AlertColumns {
  public static final String ALERT_ID = "alert_id";
  public static final String SYMBOL = "symbol";
  public static final String ALERT_TIME = "alert_time";
  public static final String ALERT_TYPE = "alert_type";
  public static final String VALUE = "value";
  public static final String THRESHOLD = "threshold";
  public static final String STATUS = "status";

  /** The status of every alert the speed layer raises. */
  public static final String PROVISIONAL = "provisional";

  /** The schema above, in this order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(ALERT_ID, DataTypes.StringType, false)
          .add(SYMBOL, DataTypes.StringType, false)
          .add(ALERT_TIME, DataTypes.TimestampType, false)
          .add(ALERT_TYPE, DataTypes.StringType, false)
          .add(VALUE, DataTypes.DoubleType, false)
          .add(THRESHOLD, DataTypes.DoubleType, false)
          .add(STATUS, DataTypes.StringType, false);

  private AlertColumns() {}
}
