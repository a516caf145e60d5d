package io.marketlambda.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.marketlambda.speed.stream.SpeedConfig;
import io.marketlambda.testing.LocalSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * {@link QuerySupervisor} on local Spark: real streaming queries from a {@code MemoryStream} whose
 * sink fails on demand, restarted from their checkpoints.
 */
class QuerySupervisorTest {
  /** Records the sink has written, with how many times each was written. */
  private static final Map<Integer, AtomicInteger> WRITTEN = new ConcurrentHashMap<>();

  /** Writes the sink refuses before it accepts one (as HBase down would). */
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  private static final AtomicInteger STREAMS = new AtomicInteger(100);

  private final SparkSession spark = LocalSpark.session();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<String> restarted = new CopyOnWriteArrayList<>();

  @TempDir Path checkpoints;

  @Test
  void aQueryWhoseSinkFailsIsRestartedFromItsCheckpointAndWritesEveryRecord() throws Exception {
    WRITTEN.clear();
    FAILURES_LEFT.set(3);
    MemoryStream<Integer> input = memoryStream();
    input.addData(
        JavaConverters.asScalaBuffer(IntStream.rangeClosed(1, 50).boxed().toList()).toSeq());
    AtomicInteger starts = new AtomicInteger();
    QuerySupervisor supervisor =
        supervisor(
            () -> {
              starts.incrementAndGet();
              return List.of(start(input, "supervised"));
            },
            new SpeedConfig.Restarts(5, Duration.ofSeconds(1), Duration.ofSeconds(8)));

    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread runner = new Thread(() -> run(supervisor, ended), "supervisor");
    runner.start();
    await().atMost(Duration.ofMinutes(2)).until(() -> WRITTEN.size() == 50);
    for (StreamingQuery query : spark.streams().active()) {
      query.stop();
    }
    runner.join(60_000);

    assertThat(runner.isAlive()).as("the supervisor returns once its queries stopped").isFalse();
    assertThat(ended.get()).as("how the supervisor ended").isNull();
    assertThat(starts).hasValue(4);
    assertThat(restarted).containsExactly("supervised", "supervised", "supervised");
    // Exponential, randomized by half: 1 s, 2 s, 4 s, each +-50 %.
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
    assertThat(WRITTEN.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 50));
  }

  @Test
  void aFailureThatOutlivesItsRestartsIsRethrownWithItsCause() {
    WRITTEN.clear();
    FAILURES_LEFT.set(Integer.MAX_VALUE);
    MemoryStream<Integer> input = memoryStream();
    input.addData(JavaConverters.asScalaBuffer(List.of(1, 2, 3)).toSeq());
    AtomicInteger starts = new AtomicInteger();
    QuerySupervisor supervisor =
        supervisor(
            () -> {
              starts.incrementAndGet();
              return List.of(start(input, "doomed"));
            },
            new SpeedConfig.Restarts(2, Duration.ofMillis(10), Duration.ofMillis(20)));

    assertThatThrownBy(supervisor::run)
        .isInstanceOf(StreamingQueryException.class)
        .hasStackTraceContaining("sink refuses record");
    assertThat(starts).hasValue(3);
    assertThat(restarted).containsExactly("doomed", "doomed");
    assertThat(spark.streams().active()).isEmpty();
  }

  @Test
  void aStartThatFailsIsRetriedLikeAFailedQuery() throws Exception {
    WRITTEN.clear();
    FAILURES_LEFT.set(0);
    MemoryStream<Integer> input = memoryStream();
    input.addData(JavaConverters.asScalaBuffer(List.of(7, 8)).toSeq());
    AtomicInteger starts = new AtomicInteger();
    QuerySupervisor supervisor =
        supervisor(
            () -> {
              StreamingQuery query = start(input, "late-start");
              if (starts.incrementAndGet() <= 2) {
                // The first query started, the second could not: the first must not stay active.
                throw new IllegalStateException("Kafka unreachable");
              }
              return List.of(query);
            },
            new SpeedConfig.Restarts(2, Duration.ofMillis(10), Duration.ofMillis(20)));

    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread runner = new Thread(() -> run(supervisor, ended), "supervisor");
    runner.start();
    // The third start succeeds; the queries of the two failed starts were stopped before it.
    await().atMost(Duration.ofMinutes(1)).until(() -> starts.get() == 3);
    assertThat(spark.streams().active()).hasSize(1);
    StreamingQuery third = spark.streams().active()[0];
    third.processAllAvailable();
    third.stop();
    runner.join(60_000);

    assertThat(runner.isAlive()).as("the supervisor returns once its queries stopped").isFalse();
    assertThat(ended.get()).isNull();
    assertThat(restarted).containsExactly("start", "start");
    assertThat(WRITTEN.keySet()).containsExactlyInAnyOrder(7, 8);
  }

  private QuerySupervisor supervisor(
      java.util.function.Supplier<List<StreamingQuery>> start, SpeedConfig.Restarts policy) {
    return new QuerySupervisor(spark, start, policy, restarted::add, waits::add);
  }

  private MemoryStream<Integer> memoryStream() {
    // One partition: a failing micro-batch fails on its first record, one failure per run.
    return new MemoryStream<>(
        STREAMS.incrementAndGet(), spark.sqlContext(), Option.<Object>apply(1), Encoders.INT());
  }

  private StreamingQuery start(MemoryStream<Integer> input, String name) {
    try {
      return input
          .toDS()
          .writeStream()
          .queryName(name)
          .option("checkpointLocation", checkpoints.resolve(name).toString())
          .foreach(new FailingSink())
          .start();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(QuerySupervisor supervisor, AtomicReference<Throwable> ended) {
    try {
      supervisor.run();
    } catch (Throwable e) {
      ended.set(e);
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> values = new ArrayList<>(IntStream.rangeClosed(from, to).boxed().toList());
    Collections.sort(values);
    return values;
  }

  /** Fails a write while {@link #FAILURES_LEFT} is positive, else records it. */
  private static final class FailingSink extends ForeachWriter<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean open(long partitionId, long epochId) {
      return true;
    }

    @Override
    public void process(Integer value) {
      if (FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("sink refuses record " + value);
      }
      WRITTEN.computeIfAbsent(value, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close(Throwable errorOrNull) {}
  }
}
