package io.marketlambda.bench.batch;

import io.marketlambda.batch.BatchApplication;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.batch.run.BatchRunColumns;
import io.marketlambda.batch.run.BatchRunLock;
import io.marketlambda.batch.run.BatchRunLockedException;
import io.marketlambda.batch.run.BatchRuns;
import io.marketlambda.bench.FaultReport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer's faults of the fault suite ({@code marketlambda bench faults}), on a lake whose
 * {@code bronze.bars} holds imported history, accounted against a clean run of the same lake.
 *
 * <ul>
 *   <li>F9: a nightly run in a child JVM killed with SIGKILL midway (after its silver and daily
 *       gold tables), then rerun as a scheduler would (retried while the dead run's lock is fresh);
 *       then two runs started at once. The views and the run records are compared with the clean
 *       run's: rows of {@code gold.bars_daily} lost or doubled, one run record per finished run,
 *       the refused run refused with the lock's message. Recovery: from the kill to the rerun's
 *       end.
 *   <li>F12: Kafka's retention removing quotes before {@code land} read them (Kafka's {@code
 *       deleteRecords}, as retention does): the gap must be reported by land, recorded in the next
 *       run's {@code batch_runs.kafka_offsets_without_record}, and no landed record lost or
 *       doubled.
 * </ul>
 */
public final class BatchFaultBench {
  /** The faults this part of the suite injects. */
  public enum Fault {
    F9("nightly run killed with SIGKILL midway then rerun, and two runs started at once"),
    F12("Kafka retention removing quotes before land read them");

    private final String description;

    Fault(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CHILD_RUN = Duration.ofMinutes(5);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LocalDate runDate;
  private final Map<String, String> kafka;
  private final List<Quote> day;
  private final Path work;
  private final Consumer<String> out;

  /**
   * @param lake a lake on local disk whose {@code bronze.bars} holds imported bars
   * @param runDate the nightly runs' run date
   * @param kafka Kafka client settings, {@code kafka.} prefix stripped (F12)
   * @param day one day's trades, in event-time order (F12 sends them)
   * @param work where the child JVM's log goes
   * @param out progress
   */
  public BatchFaultBench(
      SparkSession spark,
      LakeLayout lake,
      LocalDate runDate,
      Map<String, String> kafka,
      List<Quote> day,
      Path work,
      Consumer<String> out) {
    this.spark = spark;
    this.lake = lake;
    this.runDate = runDate;
    this.kafka = Map.copyOf(kafka);
    this.day = List.copyOf(day);
    this.work = work;
    this.out = out;
  }

  /** Runs the faults in turn, printing each one's summary line, and returns their rows. */
  public List<FaultRow> run(List<Fault> faults) throws Exception {
    List<FaultRow> rows = new ArrayList<>();
    for (Fault fault : faults) {
      out.accept(fault + ": " + fault.description() + " ...");
      FaultRow row = fault == Fault.F9 ? killedAndConcurrentRuns() : retentionGap();
      rows.add(row);
      out.accept(FaultReport.summary(row));
    }
    return rows;
  }

  // F9 ------------------------------------------------------------------------------------------

  private FaultRow killedAndConcurrentRuns() throws Exception {
    List<String> problems = new ArrayList<>();
    long offered = table(LakeTable.BRONZE_BARS).count();
    BatchJob.Run reference = job(line -> {}).run(runDate, OptionalLong.empty());
    long records = runRecords();
    out.accept("  F9: clean run " + reference.runId() + " done; starting a run to kill");

    Path log = work.resolve("F9-killed-run.log");
    Files.deleteIfExists(log);
    long killedAt;
    try (ChildJvm child =
        ChildJvm.start(
            BatchApplication.class.getName(),
            List.of(
                "--run-date",
                runDate.toString(),
                "--conf",
                "lake.root=" + lake.root(),
                "--conf",
                "batch.optimize=false",
                "--conf",
                "batch.vacuum-retention=0s",
                "--conf",
                "batch.lock-timeout=" + LOCK_TIMEOUT.toSeconds() + "s"),
            "1g",
            log)) {
      if (!awaitLine(child, log, "gold.bars_weekly")) {
        problems.add("the run to kill never reached gold.bars_weekly: " + child.problems(20));
      }
      child.kill();
      killedAt = System.nanoTime();
    }
    if (!Files.exists(Path.of(lake.lock(BatchRunLock.NAME)))) {
      problems.add("the killed run left no lock: it was not killed while it ran");
    }

    int refusals = 0;
    BatchJob.Run rerun = null;
    while (rerun == null) {
      try {
        rerun = job(line -> {}).run(runDate, OptionalLong.empty());
      } catch (BatchRunLockedException e) {
        if (refusals++ == 0) {
          out.accept("  F9: rerun refused while the killed run's lock is fresh; retrying each s");
        }
        if (Duration.ofNanos(System.nanoTime() - killedAt).compareTo(LOCK_TIMEOUT.multipliedBy(6))
            > 0) {
          problems.add("the killed run's lock was never taken over: " + e.getMessage());
          break;
        }
        Thread.sleep(1_000);
      }
    }
    double recovery = (System.nanoTime() - killedAt) / 1e9;
    Difference difference = difference(reference);
    if (runRecords() != records + 1) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d run records after the kill and the rerun, expected %d",
              runRecords(),
              records + 1));
    }

    twoRunsAtOnce(problems);
    Difference afterBoth = difference(reference);
    problems.addAll(difference.problems("after the rerun"));
    problems.addAll(afterBoth.problems("after two runs at once"));
    return new FaultRow(
        Fault.F9.name(),
        Fault.F9.description(),
        offered,
        difference.lost() + afterBoth.lost(),
        difference.duplicated() + afterBoth.duplicated(),
        0,
        0,
        recovery,
        Double.NaN,
        problems);
  }

  /**
   * Starts two runs of the same date at once: one finishes, the other is refused by the run lock,
   * and one run record is added.
   */
  private void twoRunsAtOnce(List<String> problems) throws InterruptedException {
    out.accept("  F9: starting two runs at once");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<BatchJob.Run>> both = new ArrayList<>();
    // A thread each (the common pool has one thread on 2 cores: the runs would take turns).
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    for (int i = 0; i < 2; i++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
                return job(line -> {}).run(runDate, OptionalLong.empty());
              },
              threads));
    }
    long before = runRecords();
    start.countDown();
    int finished = 0;
    int refused = 0;
    for (CompletableFuture<BatchJob.Run> run : both) {
      try {
        run.get();
        finished++;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BatchRunLockedException) {
          refused++;
        } else {
          problems.add("a run of two failed: " + e.getCause());
        }
      }
    }
    threads.shutdown();
    if (finished != 1 || refused != 1) {
      problems.add(finished + " of two runs at once finished and " + refused + " was refused");
    }
    if (runRecords() != before + finished) {
      problems.add((runRecords() - before) + " run records for " + finished + " finished runs");
    }
  }

  /** The latest gold tables against the reference run's versions of them. */
  private Difference difference(BatchJob.Run reference) {
    Dataset<Row> expected =
        BatchRuns.read(spark, lake, LakeTable.GOLD_BARS_DAILY, reference.tableVersions());
    Dataset<Row> actual = table(LakeTable.GOLD_BARS_DAILY);
    List<String> differing = new ArrayList<>();
    for (LakeTable gold : BatchJob.GOLD) {
      Dataset<Row> was = BatchRuns.read(spark, lake, gold, reference.tableVersions());
      Dataset<Row> is = table(gold);
      if (!was.exceptAll(is).isEmpty() || !is.exceptAll(was).isEmpty()) {
        differing.add(gold.qualifiedName());
      }
    }
    return new Difference(
        expected.exceptAll(actual).count(), actual.exceptAll(expected).count(), differing);
  }

  /** Rows of gold.bars_daily lost and doubled, and the gold tables that differ. */
  private record Difference(long lost, long duplicated, List<String> differing) {
    List<String> problems(String when) {
      return differing.isEmpty()
          ? List.of()
          : List.of(when + ", these differ from the clean run: " + differing);
    }
  }

  private long runRecords() {
    return spark.read().format("delta").load(lake.batchRuns().toString()).count();
  }

  private static boolean awaitLine(ChildJvm child, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + CHILD_RUN.toNanos();
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  // F12 -----------------------------------------------------------------------------------------

  private FaultRow retentionGap() throws Exception {
    List<String> problems = new ArrayList<>();
    String topic = "faults-f12-" + System.currentTimeMillis() + ".quotes.v1";
    List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    QuoteLanding landing =
        new QuoteLanding(
            spark,
            lake,
            kafka,
            topic,
            false,
            line -> {
              printed.add(line);
              out.accept("  " + line);
            });
    int firstHalf = day.size() / 2;
    int secondHalf = day.size() - firstHalf;
    long removed = secondHalf / 2;
    Map<String, Object> admin = new java.util.HashMap<>(kafka);
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      produce(topic, day.subList(0, firstHalf));
      QuoteLanding.Landed first = landing.run();
      produce(topic, day.subList(firstHalf, day.size()));
      client
          .deleteRecords(
              Map.of(
                  new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(firstHalf + removed)))
          .all()
          .get();
      QuoteLanding.Landed second = landing.run();
      long landed = first.records() + second.records();
      if (second.offsetsWithoutRecord() != removed) {
        problems.add(
            "land reported "
                + second.offsetsWithoutRecord()
                + " offsets without record of "
                + removed);
      }
      if (printed.stream().noneMatch(line -> line.startsWith("WARNING: "))) {
        problems.add("land printed no WARNING for the gap");
      }
      Dataset<Row> quotes =
          table(LakeTable.BRONZE_QUOTES)
              .filter(org.apache.spark.sql.functions.col(BronzeColumns.KAFKA_TOPIC).equalTo(topic));
      long rows = quotes.count();
      long distinct =
          quotes
              .select(BronzeColumns.KAFKA_PARTITION, BronzeColumns.KAFKA_OFFSET)
              .distinct()
              .count();
      BatchJob.Run run = job(out).run(runDate, OptionalLong.empty());
      Long recorded = run.kafkaOffsetsWithoutRecord().get(topic + "-0");
      Row record = BatchRuns.latest(spark, lake).orElseThrow();
      Map<String, Long> inTable =
          record.getJavaMap(record.fieldIndex(BatchRunColumns.KAFKA_OFFSETS_WITHOUT_RECORD));
      if (recorded == null
          || recorded != removed
          || !Long.valueOf(removed).equals(inTable.get(topic + "-0"))) {
        problems.add(
            "batch_runs records " + inTable + " offsets without record, expected " + removed);
      }
      if (landed != distinct) {
        problems.add(landed + " records landed, " + distinct + " in bronze.quotes");
      }
      long offered = day.size();
      return new FaultRow(
          Fault.F12.name(),
          Fault.F12.description(),
          offered,
          Math.max(0, offered - distinct - second.offsetsWithoutRecord()),
          rows - distinct,
          0,
          0,
          Double.NaN,
          Double.NaN,
          problems);
    }
  }

  private void produce(String topic, List<Quote> trades) {
    QuoteWireCodec codec = new QuoteWireCodec();
    Map<String, Object> settings = new java.util.HashMap<>(kafka);
    settings.put("enable.idempotence", "true");
    settings.put("acks", "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Quote trade : trades) {
        producer.send(
            new ProducerRecord<>(topic, codec.encodeKey(trade), codec.encodeValue(trade)));
      }
      producer.flush();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private BatchJob job(Consumer<String> progress) {
    return new BatchJob(
        spark,
        BatchConfig.lakeOnly(new LakeConfig(lake), 10, false, Duration.ZERO)
            .withLockTimeout(LOCK_TIMEOUT),
        Clock.systemUTC(),
        progress);
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(lake.table(table).toString());
  }
}
