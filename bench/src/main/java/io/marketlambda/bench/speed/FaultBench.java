package io.marketlambda.bench.speed;

import io.marketlambda.bench.FaultReport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.bench.StackControl;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The speed layer's fault suite: each fault is injected against the real parts (Kafka, HBase, the
 * speed layer in a child JVM, {@link SpeedApplication} through {@link ChildJvm}) while one recorded
 * trading day of one symbol flows through its own topics and HBase namespace, and the result is
 * accounted record by record against what Kafka acknowledged ({@link FaultLedger}): trades lost or
 * counted twice in the 1-minute bars, bad records dead-lettered with field and reason, late quotes
 * routed to the late topic, and the seconds from the end of an outage until a trade sent after it
 * is in its bar.
 *
 * <p>Faults: {@link Fault}. F0 (no fault) and F4 (poison) send five days of trades (the day and
 * copies of it one to four days later): the first trade, then after the speed layer's first
 * micro-batch the rest at once, and time the drain, so that their records/s can be compared; the
 * others offer the day at an even pace over {@code publishing}. Each run ends with two after-hours
 * trades (the second closes the day's minutes) and is over when the second one's bar and latest
 * quote are in HBase.
 */
public final class FaultBench {
  private static final Symbol SYMBOL = Symbol.of("IBM");
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final Duration FINISH = Duration.ofMinutes(5);
  private static final int POISON_RECORDS = 10_000;

  /**
   * Days of trades the drained runs send (the day, then copies a day later each): about 120,000
   * trades, some 20 s of draining, so that records/s is measured over more than one micro-batch.
   */
  private static final int DRAINED_DAYS = 5;

  private static final int LATE_EACH = 100;
  private static final int KILLS = 3;
  private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  /** The faults this suite injects. */
  public enum Fault {
    F0("no fault: the reference run"),
    F1("SIGKILL of the speed JVM mid-micro-batch, 3 times, each restarted at once"),
    F2("HBase region server stopped for 20 s under load, then started"),
    F3("Kafka broker stopped for 20 s under load, then started"),
    F4("10,000 poison records of 17 kinds mixed into the trades"),
    F5("1 trade in 10 sent twice, and trades out of order within 5 s of event time"),
    F6("100 quotes 1 hour late and 100 one day late, after the day");

    private final String description;

    Fault(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Map<String, String> endpoints;
  private final List<Quote> day;
  private final Duration publishing;
  private final Path work;
  private final StackControl stack;
  private final Consumer<String> out;
  private final QuoteWireCodec codec = new QuoteWireCodec();

  /**
   * @param endpoints the Kafka and HBase client settings of the stack ({@code kafka.*}, {@code
   *     hbase.*}, as the local stack writes them), passed to the speed layer too
   * @param day one symbol's trades of one day, in event-time order (IBM)
   * @param publishing how long the paced faults take to offer the day
   * @param work where checkpoints and the speed layer's logs go, one directory per fault
   * @param stack stops and starts the stack's services (F2, F3)
   * @param out progress and the report
   * @throws IllegalArgumentException when {@code day} is empty, holds another symbol than IBM, or
   *     {@code publishing} is under 10 s
   */
  public FaultBench(
      Map<String, String> endpoints,
      List<Quote> day,
      Duration publishing,
      Path work,
      StackControl stack,
      Consumer<String> out) {
    if (day.isEmpty() || day.stream().anyMatch(trade -> !trade.symbol().equals(SYMBOL))) {
      throw new IllegalArgumentException("Cannot run the fault suite without IBM's trades only");
    }
    if (publishing.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException(
          "Cannot offer the day in " + publishing + ": give at least 10 s");
    }
    this.endpoints = Map.copyOf(endpoints);
    this.day = day.stream().sorted(Comparator.comparing(Quote::eventTime)).toList();
    this.publishing = publishing;
    this.work = work;
    this.stack = stack;
    this.out = out;
  }

  /**
   * Runs the faults in turn, printing each one's summary line, and returns their rows (the caller
   * prints the table, {@link FaultReport}, with the other layers' faults).
   */
  public List<FaultRow> run(List<Fault> faults) throws Exception {
    List<FaultRow> rows = new ArrayList<>();
    for (Fault fault : faults) {
      out.accept(fault + ": " + fault.description() + " ...");
      FaultRow row = runOne(fault);
      rows.add(row);
      out.accept(FaultReport.summary(row));
    }
    compareDrainRates(rows);
    return rows;
  }

  /**
   * F4's records/s against F0's: the bar is 90 %. Rows are rebuilt with the problem added.
   */
  private static void compareDrainRates(List<FaultRow> rows) {
    Optional<FaultRow> clean =
        rows.stream().filter(row -> row.fault().equals(Fault.F0.name())).findFirst();
    for (int i = 0; i < rows.size(); i++) {
      FaultRow row = rows.get(i);
      if (row.fault().equals(Fault.F4.name()) && clean.isPresent()) {
        double ratio = row.recordsPerSecond() / clean.get().recordsPerSecond();
        if (!(ratio >= 0.9)) {
          rows.set(
              i,
              row.withProblem(
                  String.format(
                      Locale.ROOT, "drained at %.2f of the clean run's records/s", ratio)));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** What a record is, for the accounting. */
  private enum Kind {
    GOOD,
    REPEATED,
    POISON,
    LATE
  }

  private record Outgoing(Kind kind, Quote trade, byte[] value) {}

  /** What Kafka acknowledged, by kind, as {@code partition:offset}. */
  private static final class Acknowledged {
    final Map<Kind, Set<String>> offsets = new ConcurrentHashMap<>();
    final AtomicLong failed = new AtomicLong();
    volatile String firstFailure;

    Set<String> of(Kind kind) {
      return offsets.computeIfAbsent(kind, key -> ConcurrentHashMap.newKeySet());
    }

    long total() {
      return offsets.values().stream().mapToLong(Set::size).sum();
    }
  }

  private FaultRow runOne(Fault fault) throws Exception {
    String name = fault.name().toLowerCase(Locale.ROOT);
    long run = System.currentTimeMillis();
    Topics topics = new Topics("bench-faults-" + name + "-" + run);
    HBaseViewsConfig views =
        new HBaseViewsConfig("bench_faults_" + name + "_" + run, 4, Duration.ofDays(10_000));
    Path directory = work.resolve(name);
    deleteRecursively(directory);
    Files.createDirectories(directory);
    Path log = directory.resolve("speed.log");
    boolean drained = fault == Fault.F0 || fault == Fault.F4;
    Map<String, String> settings = new LinkedHashMap<>(endpoints);
    settings.putAll(topics.settings());
    settings.put("realtime.hbase-namespace", views.namespace());
    settings.put("realtime.salt-buckets", Integer.toString(views.saltBuckets()));
    settings.put("realtime.ttl", views.timeToLive().toDays() + "d");
    settings.put("lake.root", directory.resolve("lake").toAbsolutePath().toString());
    settings.put("speed.metrics-port", "0");

    List<Quote> trades = drained ? days(DRAINED_DAYS) : day;
    List<Outgoing> planned = plan(fault, trades);
    Quote lastTrade = trades.get(trades.size() - 1);
    Quote afterHours = closer(lastTrade, 3, 1);
    Quote closing = closer(lastTrade, 3, 9);
    List<Quote> good = new ArrayList<>();
    for (Outgoing record : planned) {
      if (record.kind() == Kind.GOOD) {
        good.add(record.trade());
      }
    }
    good.add(afterHours);
    good.add(closing);

    List<String> problems = new ArrayList<>();
    Acknowledged acknowledged = new Acknowledged();
    double recovery = Double.NaN;
    double recordsPerSecond = Double.NaN;
    topics.create(endpoints.get("kafka.bootstrap.servers"));
    try (Connection hbase = hbase();
        KafkaProducer<byte[], byte[]> producer = producer()) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), views);
      RealtimeViewReader reader = new RealtimeViewReader(hbase, views);
      Path commits = directory.resolve("lake/_checkpoints/speed-views/commits");
      BooleanSupplier finished =
          () -> barCount(reader, closing) >= 1 && latest(reader).map(closing::equals).orElse(false);
      ChildJvm speed = null;
      try {
        if (drained) {
          // The first trade alone, so that the query is up and has committed a micro-batch; then
          // the rest at once, drained in micro-batches of whatever has arrived.
          speed = ChildJvm.startWithSettings(SpeedApplication.class.getName(), settings, "1g", log);
          new Publisher(producer, topics.quotes, planned.subList(0, 1), 0, acknowledged).run();
          awaitOrNote(
              () -> count(commits) > 0, Duration.ofMinutes(3), "a first micro-batch", problems);
          List<Outgoing> rest = new ArrayList<>(planned.subList(1, planned.size()));
          rest.add(new Outgoing(Kind.GOOD, afterHours, codec.encodeValue(afterHours)));
          rest.add(new Outgoing(Kind.GOOD, closing, codec.encodeValue(closing)));
          long drainStart = System.nanoTime();
          new Publisher(producer, topics.quotes, rest, 0, acknowledged).run();
          if (awaitOrNote(finished, FINISH, "the last trade in HBase", problems)) {
            recordsPerSecond = rest.size() / ((System.nanoTime() - drainStart) / 1e9);
          }
        } else {
          speed = ChildJvm.startWithSettings(SpeedApplication.class.getName(), settings, "1g", log);
          awaitOrNote(
              () -> count(commits) > 0, Duration.ofMinutes(3), "a first micro-batch", problems);
          long pace = publishing.toNanos() / Math.max(1, planned.size());
          Publisher publisher = new Publisher(producer, topics.quotes, planned, pace, acknowledged);
          Thread thread = new Thread(publisher, "fault-bench-publisher");
          thread.start();
          speed =
              switch (fault) {
                case F1 -> {
                  ChildJvm current = speed;
                  Random random = new Random(20131007L);
                  for (int kill = 1; kill <= KILLS; kill++) {
                    awaitSent(publisher, planned.size() * kill / (KILLS + 1));
                    long committed = count(commits);
                    ChildJvm running = current;
                    awaitOrNote(
                        () -> count(commits) > committed || !running.isAlive(),
                        Duration.ofMinutes(3),
                        "a micro-batch before kill " + kill,
                        problems);
                    Thread.sleep(200 + random.nextInt(1_300));
                    current.kill();
                    current =
                        ChildJvm.startWithSettings(
                            SpeedApplication.class.getName(), settings, "1g", log);
                    recovery = Math.max(orZero(recovery), recover(reader, publisher, planned));
                  }
                  yield current;
                }
                case F2, F3 -> {
                  String service = fault == Fault.F2 ? "hbase-regionserver" : "kafka";
                  awaitSent(publisher, planned.size() * 3 / 10);
                  stack.control("stop " + service);
                  Thread.sleep(OUTAGE.toMillis());
                  stack.control("start " + service);
                  recovery = recover(reader, publisher, planned);
                  yield speed;
                }
                default -> speed;
              };
          thread.join();
          new Publisher(
                  producer,
                  topics.quotes,
                  List.of(
                      new Outgoing(Kind.GOOD, afterHours, codec.encodeValue(afterHours)),
                      new Outgoing(Kind.GOOD, closing, codec.encodeValue(closing))),
                  0,
                  acknowledged)
              .run();
          awaitOrNote(finished, FINISH, "the last trade in HBase", problems);
        }
        if (fault == Fault.F6) {
          List<Outgoing> late = late(closing);
          new Publisher(producer, topics.quotes, late, 0, acknowledged).run();
          awaitOrNote(
              () -> routedCount(topics.late) >= late.size(),
              Duration.ofMinutes(2),
              late.size() + " quotes in the late topic",
              problems);
        }
        if (Double.isNaN(recovery) && fault.ordinal() >= 1 && fault.ordinal() <= 3) {
          problems.add("no recovery seen");
        }
        if (!speed.isAlive()) {
          problems.add("the speed layer exited: " + speed.problems(20));
        }
      } finally {
        if (speed != null) {
          speed.kill();
        }
      }

      Instant from = trades.get(0).eventTime().minus(Duration.ofDays(2));
      Instant to = closing.eventTime().plus(Duration.ofDays(1));
      FaultLedger.BarTally bars =
          FaultLedger.bars(good, reader.bars(SYMBOL, BarInterval.ONE_MINUTE, from, to));
      FaultLedger.RoutedTally dead =
          FaultLedger.routed(
              acknowledged.of(Kind.POISON), Set.of(), headers(topics.deadLetter), true);
      FaultLedger.RoutedTally late =
          FaultLedger.routed(
              acknowledged.of(Kind.LATE),
              acknowledged.of(Kind.REPEATED),
              headers(topics.late),
              false);
      if (acknowledged.failed.get() > 0) {
        problems.add(
            acknowledged.failed.get()
                + " sends not acknowledged by Kafka (first: "
                + acknowledged.firstFailure
                + ")");
      }
      if (bars.lost() > 0) {
        problems.add(bars.lost() + " trades missing from the bars");
      }
      if (bars.duplicated() > 0) {
        problems.add(bars.duplicated() + " trades counted twice or counted late");
      }
      if (bars.otherVolumeMinutes() > 0) {
        problems.add(bars.otherVolumeMinutes() + " bars with another volume");
      }
      if (dead.missing() > 0) {
        problems.add(dead.missing() + " bad records not dead-lettered");
      }
      if (dead.unexpected() > 0) {
        problems.add(dead.unexpected() + " good records dead-lettered");
      }
      if (dead.withoutReason() > 0) {
        problems.add(dead.withoutReason() + " dead letters without field and reason");
      }
      if (late.missing() > 0) {
        problems.add(late.missing() + " late quotes not routed to the late topic");
      }
      if (late.unexpected() > 0) {
        problems.add(late.unexpected() + " records sent in time routed as late");
      }
      Optional<Quote> latest = latest(reader);
      if (!latest.map(closing::equals).orElse(false)) {
        problems.add("latest quote " + latest.map(Quote::toString).orElse("none"));
      }
      return new FaultRow(
          fault.name(),
          fault.description(),
          acknowledged.total(),
          bars.lost() + dead.missing() + late.missing(),
          bars.duplicated(),
          dead.routed(),
          late.routed(),
          recovery,
          recordsPerSecond,
          List.copyOf(problems));
    }
  }

  /** The day's trades and copies of them shifted by whole days, {@code count} days in all. */
  private List<Quote> days(int count) {
    List<Quote> trades = new ArrayList<>(day.size() * count);
    for (int copy = 0; copy < count; copy++) {
      Duration shift = Duration.ofDays(copy);
      for (Quote trade : day) {
        trades.add(
            new Quote(
                trade.symbol(),
                trade.eventTime().plus(shift),
                trade.priceUsd(),
                trade.sizeShares(),
                trade.source(),
                trade.sequence()));
      }
    }
    return trades;
  }

  /**
   * The records of a fault, in the order they are sent, without the two closing trades.
   *
   * @param trades the good trades, in event-time order
   */
  private List<Outgoing> plan(Fault fault, List<Quote> trades) {
    List<Outgoing> planned = new ArrayList<>();
    switch (fault) {
      case F4 -> {
        List<PoisonCorpus.Poison> poison =
            PoisonCorpus.of(POISON_RECORDS, trades.get(trades.size() / 2).eventTime());
        int every = Math.max(1, trades.size() / poison.size());
        int next = 0;
        for (int i = 0; i < trades.size(); i++) {
          planned.add(good(trades.get(i)));
          if (i % every == every - 1 && next < poison.size()) {
            planned.add(new Outgoing(Kind.POISON, null, poison.get(next++).value()));
          }
        }
        while (next < poison.size()) {
          planned.add(new Outgoing(Kind.POISON, null, poison.get(next++).value()));
        }
      }
      case F5 -> {
        // Out of order within buckets of 5 s of event time (the watermark allows 10 s), and every
        // tenth trade sent again two records later.
        Random random = new Random(5L);
        List<Quote> shuffled = new ArrayList<>();
        List<Quote> bucket = new ArrayList<>();
        long bucketOf = Long.MIN_VALUE;
        for (Quote trade : trades) {
          long current = trade.eventTime().toEpochMilli() / 5_000;
          if (current != bucketOf && !bucket.isEmpty()) {
            Collections.shuffle(bucket, random);
            shuffled.addAll(bucket);
            bucket.clear();
          }
          bucketOf = current;
          bucket.add(trade);
        }
        Collections.shuffle(bucket, random);
        shuffled.addAll(bucket);
        List<Quote> repeatLater = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
          planned.add(good(shuffled.get(i)));
          if (i % 10 == 9) {
            repeatLater.add(shuffled.get(i));
          }
          if (i % 10 == 1 && !repeatLater.isEmpty()) {
            Quote again = repeatLater.remove(0);
            planned.add(new Outgoing(Kind.REPEATED, again, codec.encodeValue(again)));
          }
        }
        for (Quote again : repeatLater) {
          planned.add(new Outgoing(Kind.REPEATED, again, codec.encodeValue(again)));
        }
      }
      default -> trades.forEach(trade -> planned.add(good(trade)));
    }
    return planned;
  }

  /** Quotes of new trades stamped 1 hour and 1 day before {@code newest}: late by construction. */
  private List<Outgoing> late(Quote newest) {
    List<Outgoing> late = new ArrayList<>();
    for (int i = 0; i < 2 * LATE_EACH; i++) {
      Duration behind = i < LATE_EACH ? Duration.ofHours(1) : Duration.ofDays(1);
      Quote quote =
          new Quote(
              SYMBOL,
              newest.eventTime().minus(behind).plusMillis(i),
              newest.priceUsd(),
              100,
              "bench-late",
              i + 1);
      late.add(new Outgoing(Kind.LATE, quote, codec.encodeValue(quote)));
    }
    return late;
  }

  private Outgoing good(Quote trade) {
    return new Outgoing(Kind.GOOD, trade, codec.encodeValue(trade));
  }

  /** An after-hours trade {@code hours} and {@code minutes} after {@code last}. */
  private static Quote closer(Quote last, int hours, int minutes) {
    return new Quote(
        SYMBOL,
        last.eventTime().plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes)),
        last.priceUsd(),
        1,
        "bench-close",
        minutes);
  }

  /**
   * Seconds from now until the next good trade not yet sent is in its 1-minute bar with every good
   * trade of its minute sent before it: the views are written again.
   */
  private double recover(RealtimeViewReader reader, Publisher publisher, List<Outgoing> planned)
      throws InterruptedException {
    long start = System.nanoTime();
    int index = Math.min(publisher.sent.get(), planned.size() - 1);
    while (index > 0 && planned.get(index).kind() != Kind.GOOD) {
      index--;
    }
    Quote probe = planned.get(index).trade();
    Instant minute = BarInterval.ONE_MINUTE.startOf(probe.eventTime());
    long expected = 0;
    for (int i = 0; i <= index; i++) {
      Outgoing record = planned.get(i);
      if (record.kind() == Kind.GOOD
          && BarInterval.ONE_MINUTE.startOf(record.trade().eventTime()).equals(minute)) {
        expected++;
      }
    }
    long deadline = start + FINISH.toNanos();
    while (System.nanoTime() < deadline) {
      if (barCount(reader, probe) >= expected) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(100);
    }
    return Double.NaN;
  }

  /** Trades in the 1-minute bar holding {@code trade}; 0 when absent or HBase does not answer. */
  private static long barCount(RealtimeViewReader reader, Quote trade) {
    Instant minute = BarInterval.ONE_MINUTE.startOf(trade.eventTime());
    try {
      return reader.bars(SYMBOL, BarInterval.ONE_MINUTE, minute, minute.plusSeconds(60)).stream()
          .mapToLong(Bar::tradeCount)
          .sum();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Optional<Quote> latest(RealtimeViewReader reader) {
    try {
      return reader.latestQuote(SYMBOL);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void awaitSent(Publisher publisher, int count) throws InterruptedException {
    while (publisher.sent.get() < count && !publisher.done) {
      Thread.sleep(20);
    }
  }

  private static boolean awaitOrNote(
      BooleanSupplier condition, Duration timeout, String what, List<String> problems)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    problems.add("no " + what + " within " + timeout.toSeconds() + " s");
    return false;
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** Sends records at a pace (0: as fast as Kafka takes them) and records what is acknowledged. */
  private final class Publisher implements Runnable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final List<Outgoing> records;
    private final long nanosPerRecord;
    private final Acknowledged acknowledged;
    final AtomicInteger sent = new AtomicInteger();
    volatile boolean done;

    Publisher(
        KafkaProducer<byte[], byte[]> producer,
        String topic,
        List<Outgoing> records,
        long nanosPerRecord,
        Acknowledged acknowledged) {
      this.producer = producer;
      this.topic = topic;
      this.records = records;
      this.nanosPerRecord = nanosPerRecord;
      this.acknowledged = acknowledged;
    }

    @Override
    public void run() {
      byte[] key = SYMBOL.value().getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        for (int i = 0; i < records.size(); i++) {
          if (nanosPerRecord > 0) {
            long wait = start + i * nanosPerRecord - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
          Outgoing record = records.get(i);
          producer.send(
              new ProducerRecord<>(topic, key, record.value()),
              (metadata, error) -> {
                if (error == null) {
                  acknowledged
                      .of(record.kind())
                      .add(metadata.partition() + ":" + metadata.offset());
                } else if (acknowledged.failed.getAndIncrement() == 0) {
                  acknowledged.firstFailure = error.toString();
                }
              });
          sent.incrementAndGet();
        }
        producer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done = true;
      }
    }
  }

  /** A fault's own topics. */
  private static final class Topics {
    final String quotes;
    final String bars;
    final String deadLetter;
    final String late;
    final String alerts;

    Topics(String prefix) {
      quotes = prefix + ".quotes.v1";
      bars = prefix + ".bars.v1";
      deadLetter = prefix + ".dead-letter.v1";
      late = prefix + ".late.v1";
      alerts = prefix + ".alerts.v1";
    }

    Map<String, String> settings() {
      return Map.of(
          "topics.quotes", quotes,
          "topics.bars", bars,
          "topics.dead-letter", deadLetter,
          "topics.late", late,
          "topics.alerts", alerts);
    }

    void create(String bootstrapServers) throws Exception {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
        Map<String, String> big = Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        admin
            .createTopics(
                List.of(
                    new NewTopic(quotes, 2, (short) 1).configs(big),
                    new NewTopic(bars, 1, (short) 1),
                    new NewTopic(deadLetter, 1, (short) 1),
                    new NewTopic(late, 1, (short) 1),
                    new NewTopic(alerts, 1, (short) 1)))
            .all()
            .get(1, TimeUnit.MINUTES);
      }
    }
  }

  /** The headers of every record in a topic now. */
  private List<Headers> headers(String topic) {
    List<Headers> headers = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          headers.add(record.headers());
        }
      }
    }
    return headers;
  }

  private long routedCount(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer, topic)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", endpoints.get("kafka.bootstrap.servers"));
    config.put("enable.auto.commit", "false");
    config.put("max.partition.fetch.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    config.put("fetch.max.bytes", Integer.toString(4 * MAX_MESSAGE_BYTES));
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", endpoints.get("kafka.bootstrap.servers"));
    config.put("acks", "all");
    config.put("enable.idempotence", "true");
    config.put("linger.ms", "5");
    config.put("max.request.size", Integer.toString(MAX_MESSAGE_BYTES));
    // Through a 20 s broker outage: keep trying, then deliver in order, once.
    config.put("delivery.timeout.ms", "300000");
    config.put("max.block.ms", "300000");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** HBase with short client time-outs: the bench polls through outages, it must not hang. */
  private Connection hbase() {
    Map<String, String> settings = new HashMap<>();
    endpoints.forEach(
        (key, value) -> {
          if (key.startsWith(HBaseConnector.PREFIX)) {
            settings.put(key, value);
          }
        });
    settings.put("hbase.client.retries.number", "2");
    settings.put("hbase.client.operation.timeout", "5000");
    settings.put("hbase.rpc.timeout", "2000");
    settings.put("hbase.client.pause", "100");
    return HBaseConnector.connect(settings);
  }

  private static long count(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> !file.getFileName().toString().startsWith(".")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
