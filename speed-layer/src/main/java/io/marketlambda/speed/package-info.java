/**
 * The speed layer's process: its {@code main} for {@code spark-submit} and Databricks ({@link
 * io.marketlambda.speed.SpeedApplication}) and the supervisor that restarts its streaming queries
 * from their checkpoints after a failure ({@link io.marketlambda.speed.QuerySupervisor}).
 */
package io.marketlambda.speed;
