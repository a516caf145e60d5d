/**
 * One definition of every view both layers compute: functions from {@code Dataset<Row>} to {@code
 * Dataset<Row>} that the speed layer applies to streaming Datasets and the batch layer to static
 * ones, so a bar or an indicator means the same in the realtime and the batch view.
 *
 * <p>Timestamps are instants; every function here expects {@code spark.sql.session.timeZone=UTC}
 * and converts to America/New_York itself where the market's calendar matters.
 */
package io.marketlambda.views;
