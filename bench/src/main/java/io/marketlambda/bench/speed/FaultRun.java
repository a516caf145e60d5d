package io.marketlambda.bench.speed;

import io.marketlambda.bench.FaultRow;
import io.marketlambda.bench.StackControl;
import io.marketlambda.bench.speed.FaultTraffic.Acknowledged;
import io.marketlambda.bench.speed.FaultTraffic.Kind;
import io.marketlambda.bench.speed.FaultTraffic.Outgoing;
import io.marketlambda.bench.speed.FaultTraffic.Publisher;
import io.marketlambda.bench.speed.FaultTraffic.Topics;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One fault of {@link FaultBench}: runs the speed layer in a child JVM, sends the fault's records
 * ({@link FaultPlan}) with the fault injected (a drain timed, kills, an outage, late quotes), stops
 * it, and accounts for every record Kafka acknowledged ({@link FaultLedger}).
 */
final class FaultRun {
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final Duration FINISH = Duration.ofMinutes(5);
  private static final int KILLS = 3;

  /**
   * Days of trades the drained runs send (the day, then copies a day later each): about 120,000
   * trades, some 20 s of draining, so that records/s is measured over more than one micro-batch.
   */
  private static final int DRAINED_DAYS = 5;

  private final FaultBench.Fault fault;
  private final Topics topics;
  private final Map<String, String> settings;
  private final Path log;
  private final Path commits;
  private final RealtimeViewReader reader;
  private final KafkaProducer<byte[], byte[]> producer;
  private final boolean drained;
  private final List<Quote> trades;
  private final List<Outgoing> planned;
  private final Quote afterHours;
  private final Quote closing;
  private final BooleanSupplier finished;
  private final List<String> problems = new ArrayList<>();
  private final Acknowledged acknowledged = new Acknowledged();
  private double recovery = Double.NaN;
  private double recordsPerSecond = Double.NaN;
  private final FaultPlan plans;
  private final FaultTraffic traffic;
  private final Duration publishing;
  private final StackControl stack;
  private ChildJvm speed;

  /**
   * @param directory the fault's checkpoints and the speed layer's log
   * @param settings the speed layer's settings: the stack's endpoints, the fault's topics and HBase
   *     namespace
   * @param day the recorded day
   * @param publishing how long the paced faults take to offer the day
   * @param stack stops and starts the stack's services (F2, F3)
   */
  FaultRun(
      FaultBench.Fault fault,
      Topics topics,
      Path directory,
      Map<String, String> settings,
      RealtimeViewReader reader,
      KafkaProducer<byte[], byte[]> producer,
      FaultPlan plans,
      List<Quote> day,
      FaultTraffic traffic,
      Duration publishing,
      StackControl stack) {
    this.plans = plans;
    this.traffic = traffic;
    this.publishing = publishing;
    this.stack = stack;
    this.fault = fault;
    this.topics = topics;
    this.settings = settings;
    this.log = directory.resolve("speed.log");
    this.commits = directory.resolve("lake/_checkpoints/speed-views/commits");
    this.reader = reader;
    this.producer = producer;
    this.drained = fault == FaultBench.Fault.F0 || fault == FaultBench.Fault.F4;
    this.trades = drained ? plans.days(DRAINED_DAYS) : day;
    this.planned = plans.plan(fault, trades);
    Quote lastTrade = trades.get(trades.size() - 1);
    this.afterHours = FaultPlan.closer(lastTrade, 3, 1);
    this.closing = FaultPlan.closer(lastTrade, 3, 9);
    this.finished =
        () -> barCount(reader, closing) >= 1 && latest(reader).map(closing::equals).orElse(false);
  }

  /** Runs the speed layer, sends the records with the fault injected, and stops it. */
  void inject() throws Exception {
    try {
      if (drained) {
        drain();
      } else {
        paced();
      }
      if (fault == FaultBench.Fault.F6) {
        List<Outgoing> late = plans.late(closing);
        new Publisher(producer, topics.quotes, late, 0, acknowledged).run();
        awaitOrNote(
            () -> traffic.routedCount(topics.late) >= late.size(),
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
  }

  /**
   * The first trade alone, so that the query is up and has committed a micro-batch; then the rest
   * at once, drained in micro-batches of whatever has arrived, timed.
   */
  private void drain() throws Exception {
    speed = startSpeed();
    new Publisher(producer, topics.quotes, planned.subList(0, 1), 0, acknowledged).run();
    awaitOrNote(() -> count(commits) > 0, Duration.ofMinutes(3), "a first micro-batch", problems);
    List<Outgoing> rest = new ArrayList<>(planned.subList(1, planned.size()));
    rest.add(plans.good(afterHours));
    rest.add(plans.good(closing));
    long drainStart = System.nanoTime();
    new Publisher(producer, topics.quotes, rest, 0, acknowledged).run();
    if (awaitOrNote(finished, FINISH, "the last trade in HBase", problems)) {
      recordsPerSecond = rest.size() / ((System.nanoTime() - drainStart) / 1e9);
    }
  }

  /** The day at an even pace over {@code publishing}, with F1's kills or F2/F3's outage. */
  private void paced() throws Exception {
    speed = startSpeed();
    awaitOrNote(() -> count(commits) > 0, Duration.ofMinutes(3), "a first micro-batch", problems);
    long pace = publishing.toNanos() / Math.max(1, planned.size());
    Publisher publisher = new Publisher(producer, topics.quotes, planned, pace, acknowledged);
    Thread thread = new Thread(publisher, "fault-bench-publisher");
    thread.start();
    switch (fault) {
      case F1 -> killRepeatedly(publisher);
      case F2, F3 ->
          outage(fault == FaultBench.Fault.F2 ? "hbase-regionserver" : "kafka", publisher);
      default -> {}
    }
    thread.join();
    new Publisher(
            producer,
            topics.quotes,
            List.of(plans.good(afterHours), plans.good(closing)),
            0,
            acknowledged)
        .run();
    awaitOrNote(finished, FINISH, "the last trade in HBase", problems);
  }

  /** F1: SIGKILL mid-micro-batch, {@value #KILLS} times, each restarted at once. */
  private void killRepeatedly(Publisher publisher) throws Exception {
    Random random = new Random(20131007L);
    for (int kill = 1; kill <= KILLS; kill++) {
      awaitSent(publisher, planned.size() * kill / (KILLS + 1));
      long committed = count(commits);
      ChildJvm running = speed;
      awaitOrNote(
          () -> count(commits) > committed || !running.isAlive(),
          Duration.ofMinutes(3),
          "a micro-batch before kill " + kill,
          problems);
      Thread.sleep(200 + random.nextInt(1_300));
      speed.kill();
      speed = startSpeed();
      recovery = Math.max(orZero(recovery), recover(reader, publisher, planned));
    }
  }

  /** F2, F3: {@code service} stopped for {@link #OUTAGE} under load, then started. */
  private void outage(String service, Publisher publisher) throws Exception {
    awaitSent(publisher, planned.size() * 3 / 10);
    stack.control("stop " + service);
    Thread.sleep(OUTAGE.toMillis());
    stack.control("start " + service);
    recovery = recover(reader, publisher, planned);
  }

  private ChildJvm startSpeed() throws IOException {
    return ChildJvm.startWithSettings(SpeedApplication.class.getName(), settings, "1g", log);
  }

  /** Accounts for every record Kafka acknowledged, and returns the fault's row. */
  FaultRow account() {
    List<Quote> good = new ArrayList<>();
    for (Outgoing record : planned) {
      if (record.kind() == Kind.GOOD) {
        good.add(record.trade());
      }
    }
    good.add(afterHours);
    good.add(closing);
    Instant from = trades.get(0).eventTime().minus(Duration.ofDays(2));
    Instant to = closing.eventTime().plus(Duration.ofDays(1));
    FaultLedger.BarTally bars =
        FaultLedger.bars(good, reader.bars(FaultBench.SYMBOL, BarInterval.ONE_MINUTE, from, to));
    FaultLedger.RoutedTally dead =
        FaultLedger.routed(
            acknowledged.of(Kind.POISON), Set.of(), traffic.headers(topics.deadLetter), true);
    FaultLedger.RoutedTally late =
        FaultLedger.routed(
            acknowledged.of(Kind.LATE),
            acknowledged.of(Kind.REPEATED),
            traffic.headers(topics.late),
            false);
    note(bars, dead, late);
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

  private void note(
      FaultLedger.BarTally bars, FaultLedger.RoutedTally dead, FaultLedger.RoutedTally late) {
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
  }

  /**
   * Seconds from now until the next good trade not yet sent is in its 1-minute bar with every good
   * trade of its minute sent before it: the views are written again.
   */
  private static double recover(
      RealtimeViewReader reader, Publisher publisher, List<Outgoing> planned)
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
      return reader
          .bars(FaultBench.SYMBOL, BarInterval.ONE_MINUTE, minute, minute.plusSeconds(60))
          .stream()
          .mapToLong(Bar::tradeCount)
          .sum();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Optional<Quote> latest(RealtimeViewReader reader) {
    try {
      return reader.latestQuote(FaultBench.SYMBOL);
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
}
