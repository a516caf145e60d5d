package io.marketlambda.bench.speed;

import io.marketlambda.bench.FaultReport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.bench.StackControl;
import io.marketlambda.bench.speed.FaultTraffic.Topics;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.producer.KafkaProducer;

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
  static final Symbol SYMBOL = Symbol.of("IBM");

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
  private final FaultPlan plans;
  private final FaultTraffic traffic;

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
    this.plans = new FaultPlan(this.day);
    this.traffic = new FaultTraffic(endpoints.get("kafka.bootstrap.servers"));
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

  private FaultRow runOne(Fault fault) throws Exception {
    String name = fault.name().toLowerCase(Locale.ROOT);
    long run = System.currentTimeMillis();
    Topics topics = new Topics("bench-faults-" + name + "-" + run);
    HBaseViewsConfig views =
        new HBaseViewsConfig("bench_faults_" + name + "_" + run, 4, Duration.ofDays(10_000));
    Path directory = work.resolve(name);
    deleteRecursively(directory);
    Files.createDirectories(directory);
    Map<String, String> settings = new LinkedHashMap<>(endpoints);
    settings.putAll(topics.settings());
    settings.put("realtime.hbase-namespace", views.namespace());
    settings.put("realtime.salt-buckets", Integer.toString(views.saltBuckets()));
    settings.put("realtime.ttl", views.timeToLive().toDays() + "d");
    settings.put("lake.root", directory.resolve("lake").toAbsolutePath().toString());
    settings.put("speed.metrics-port", "0");
    topics.create(endpoints.get("kafka.bootstrap.servers"));
    try (Connection hbase = hbase();
        KafkaProducer<byte[], byte[]> producer = traffic.producer()) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), views);
      FaultRun faultRun =
          new FaultRun(
              fault,
              topics,
              directory,
              settings,
              new RealtimeViewReader(hbase, views),
              producer,
              plans,
              day,
              traffic,
              publishing,
              stack);
      faultRun.inject();
      return faultRun.account();
    }
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
