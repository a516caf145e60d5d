package io.marketlambda.speed;

import io.github.resilience4j.core.IntervalFunction;
import io.marketlambda.speed.stream.SpeedConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the speed layer's streaming queries running: when one fails (HBase or Kafka down, a task
 * out of retries), it stops the others, waits an exponential, randomized back-off and starts them
 * all again from their checkpoints, so that nothing is lost or doubled (the sinks write idempotent
 * cells). Starting may fail too (Kafka or HBase unreachable) and is retried the same way. After
 * {@link SpeedConfig.Restarts#maxAttempts()} restarts in a row with no micro-batch completed in
 * between, the failure is final and rethrown.
 *
 * <p>Spark's own retries cover one task ({@code spark.task.maxFailures}); this covers the query, as
 * a cluster manager or a Databricks job's retry policy would cover the application.
 */
final class QuerySupervisor {
  private static final Logger log = LoggerFactory.getLogger(QuerySupervisor.class);

  /** Waits between attempts; a seam for tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Counts each restart, by the name of the query that failed. */
  interface RestartListener {
    void restarted(String failedQuery);
  }

  /** How long one wait on a running query lasts before all are looked at again. */
  private static final Duration POLL = Duration.ofMillis(250);

  private final SparkSession spark;
  private final Supplier<List<StreamingQuery>> start;
  private final SpeedConfig.Restarts policy;
  private final IntervalFunction backoff;
  private final RestartListener listener;
  private final Sleeper sleeper;

  /**
   * @param start starts every query (from its checkpoint); may throw when a backend is down
   */
  QuerySupervisor(
      SparkSession spark,
      Supplier<List<StreamingQuery>> start,
      SpeedConfig.Restarts policy,
      RestartListener listener,
      Sleeper sleeper) {
    this.spark = spark;
    this.start = start;
    this.policy = policy;
    long initial = Math.max(10, policy.initialBackoff().toMillis());
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            initial, 2.0, 0.5, Math.max(initial, policy.maxBackoff().toMillis()));
    this.listener = listener;
    this.sleeper = sleeper;
  }

  /**
   * Runs the queries until all of them have stopped by themselves ({@code
   * speed.trigger=available-now}) or a failure is final.
   *
   * @throws StreamingQueryException the last failure of a query, when restarts are spent
   * @throws RuntimeException the last failure to start the queries, when restarts are spent
   */
  void run() throws StreamingQueryException {
    int attempts = 0;
    while (true) {
      Failure failure = runOnce();
      if (failure == null) {
        return;
      }
      attempts = failure.progressed() ? 1 : attempts + 1;
      if (attempts > policy.maxAttempts()) {
        log.error(
            "{} failed {} time(s) in a row with no micro-batch completed; giving up (speed.restart"
                + ".max-attempts={})",
            failure.what(),
            attempts,
            policy.maxAttempts());
        failure.rethrow();
      }
      Duration wait = Duration.ofMillis(backoff.apply(attempts));
      log.error(
          "{} failed: {}. Restarting the queries from their checkpoints in {} ms (attempt {} of"
              + " {})",
          failure.what(),
          failure.message(),
          wait.toMillis(),
          attempts,
          policy.maxAttempts());
      log.debug("{} failed", failure.what(), failure.cause());
      listener.restarted(failure.query());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.rethrow();
      }
    }
  }

  /** Starts the queries and waits; returns null when they all ended without failing. */
  private Failure runOnce() {
    java.util.Set<java.util.UUID> runningBefore = new java.util.HashSet<>();
    for (StreamingQuery query : spark.streams().active()) {
      runningBefore.add(query.id());
    }
    List<StreamingQuery> queries;
    try {
      queries = start.get();
    } catch (RuntimeException e) {
      // Some queries may have started before the failure: stop them, or the next start would
      // find their ids active.
      stopAll(
          java.util.Arrays.stream(spark.streams().active())
              .filter(query -> !runningBefore.contains(query.id()))
              .toList());
      return new Failure("start", "Starting the queries", e, false);
    }
    StreamingQuery failed = awaitFailureOrEnd(queries);
    if (failed != null) {
      stopAll(queries);
      boolean progressed = queries.stream().anyMatch(q -> q.lastProgress() != null);
      return new Failure(
          failed.name(), "Query " + failed.name(), failed.exception().get(), progressed);
    }
    return null;
  }

  /**
   * Waits on these queries only (not the session's {@code awaitAnyTermination}, whose one
   * "terminated" flag another waiter in the JVM may reset): the first that failed, or null once all
   * have ended without failing. A failure is seen within {@link #POLL}.
   */
  private static StreamingQuery awaitFailureOrEnd(List<StreamingQuery> queries) {
    while (true) {
      Optional<StreamingQuery> active =
          queries.stream().filter(StreamingQuery::isActive).findFirst();
      // A query sets its exception before it stops being active: look for one after the check.
      Optional<StreamingQuery> failed =
          queries.stream().filter(query -> query.exception().isDefined()).findFirst();
      if (failed.isPresent()) {
        return failed.get();
      }
      if (active.isEmpty()) {
        return null;
      }
      try {
        active.get().awaitTermination(POLL.toMillis());
      } catch (StreamingQueryException e) {
        // Seen as its exception on the next pass.
      }
    }
  }

  private static void stopAll(List<StreamingQuery> queries) {
    for (StreamingQuery query : queries) {
      try {
        query.stop();
      } catch (TimeoutException | RuntimeException e) {
        log.warn("Cannot stop query {}: {}", query.name(), e.getMessage());
      }
    }
  }

  /**
   * One failure.
   *
   * @param query the query that failed, or {@code start}
   * @param what what failed, for the log
   * @param progressed whether a micro-batch completed before it
   */
  private record Failure(String query, String what, Exception cause, boolean progressed) {
    /** The deepest cause, first line: what an operator can act on (the whole trace at DEBUG). */
    String message() {
      Throwable root = cause;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.toString();
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }

    void rethrow() throws StreamingQueryException {
      if (cause instanceof StreamingQueryException streaming) {
        throw streaming;
      }
      throw (RuntimeException) cause;
    }
  }
}
