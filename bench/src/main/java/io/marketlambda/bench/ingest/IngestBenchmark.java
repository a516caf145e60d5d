package io.marketlambda.bench.ingest;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.ingest.sink.PublishStats;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.LeanTradeTickReader;
import io.marketlambda.sources.recorded.RecordedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code marketlambda bench ingest}: how fast ingest parses each recorded file format and publishes
 * to Kafka, each figure next to a bare baseline measured in the same run on the same bytes:
 *
 * <ul>
 *   <li>parse, per format ({@link ParseCase#all()}): our reader (validation, time zones, model
 *       records, quarantine) against a plain Jackson parse of the same file;
 *   <li>publish: {@link KafkaEventSink} (wire encoding, idempotent producer, counting callbacks)
 *       against a raw {@link KafkaProducer} loop sending the same pre-encoded bytes with the same
 *       producer settings, on the SPY trade ticks of 2013-10-07.
 * </ul>
 *
 * Small files are read repeatedly so a round handles at least {@value #MIN_RECORDS_PER_ROUND}
 * records. Each measurement runs {@code warmups} times unmeasured, then {@code rounds} times; the
 * best round is reported (the least disturbed by GC and the machine's other work).
 */
public final class IngestBenchmark {
  static final int MIN_RECORDS_PER_ROUND = 200_000;
  private static final String PUBLISH_FILE = "lean/tick/20131007_spy_Trade_Tick.csv";

  private final Path sharedData;
  private final KafkaPublishConfig kafka;
  private final int warmups;
  private final int rounds;
  private final Consumer<String> out;

  /**
   * @param sharedData the shared market data directory ({@code ../shared/data})
   * @param kafka the broker to publish to
   * @param out receives one line per figure
   */
  public IngestBenchmark(
      Path sharedData, KafkaPublishConfig kafka, int warmups, int rounds, Consumer<String> out) {
    this.sharedData = sharedData;
    this.kafka = kafka;
    this.warmups = warmups;
    this.rounds = rounds;
    this.out = out;
  }

  /** Runs every measurement and prints one line per figure. */
  public void run() {
    try (QuarantineFile quarantine =
        new QuarantineFile(Path.of("work", "bench", "quarantine.jsonl"))) {
      out.accept("parse (records/s; baseline = plain Jackson parse of the same file)");
      for (ParseCase format : ParseCase.all()) {
        measureParse(format, quarantine);
      }
      measurePublish(quarantine);
    }
    out.accept(String.format(Locale.ROOT, "peak heap used: %,d MiB", peakHeapBytes() >> 20));
  }

  private void measureParse(ParseCase format, Quarantine quarantine) {
    Path file = sharedData.resolve(format.file());
    int records = format.ours().read(file, quarantine);
    int repeat = Math.max(1, MIN_RECORDS_PER_ROUND / Math.max(1, records));
    Throughput ours = best(() -> repeatedly(repeat, () -> format.ours().read(file, quarantine)));
    Throughput bare =
        best(() -> repeatedly(repeat, () -> format.baseline().read(file, quarantine)));
    out.accept(
        String.format(
            Locale.ROOT,
            "  %-18s %,8d records  ours %,11.0f/s  baseline %,11.0f/s  ratio %.2f",
            format.format(),
            records,
            ours.perSecond(),
            bare.perSecond(),
            ours.perSecond() / bare.perSecond()));
  }

  private void measurePublish(Quarantine quarantine) {
    List<Quote> quotes;
    try (RecordedReader<Quote> reader =
        LeanTradeTickReader.open(sharedData.resolve(PUBLISH_FILE), quarantine)) {
      quotes = reader.readAll();
    }
    String topic = "bench.ingest.quotes";
    String bareTopic = "bench.ingest.raw";
    new TopicCreator(kafka).createMissing(List.of(topic, bareTopic));
    QuoteWireCodec codec = new QuoteWireCodec();
    List<byte[]> keys = quotes.stream().map(codec::encodeKey).toList();
    List<byte[]> values = quotes.stream().map(codec::encodeValue).toList();
    long bytes = values.stream().mapToLong(value -> value.length).sum();
    Throughput sink = best(() -> publishWithSink(topic, quotes));
    Throughput bare = best(() -> publishRaw(bareTopic, keys, values));
    out.accept(
        String.format(
            Locale.ROOT,
            "publish %,d SPY ticks to %s (baseline = raw KafkaProducer, pre-encoded bytes)%n"
                + "  records/s  sink %,11.0f  baseline %,11.0f  ratio %.2f%n"
                + "  MB/s       sink %11.1f  baseline %11.1f  (%,d value bytes)",
            quotes.size(),
            kafka.kafka().get("bootstrap.servers"),
            sink.perSecond(),
            bare.perSecond(),
            sink.perSecond() / bare.perSecond(),
            bytes / sink.seconds() / 1e6,
            bytes / bare.seconds() / 1e6,
            bytes));
  }

  private static int repeatedly(int times, IntSupplier read) {
    int records = 0;
    for (int i = 0; i < times; i++) {
      records += read.getAsInt();
    }
    return records;
  }

  private int publishWithSink(String topic, List<Quote> quotes) {
    try (KafkaEventSink<Quote> sink = KafkaEventSink.forQuotes(kafka, topic)) {
      quotes.forEach(sink::publish);
      PublishStats stats = sink.flush();
      if (stats.failed() > 0) {
        throw new IllegalStateException(stats.firstFailure().orElse("publish failed"));
      }
      return quotes.size();
    }
  }

  private int publishRaw(String topic, List<byte[]> keys, List<byte[]> values) {
    Map<String, Object> properties = Map.copyOf(kafka.producerProperties());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < keys.size(); i++) {
        producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
      }
      producer.flush();
      return keys.size();
    }
  }

  /** Runs {@code round} warmups + rounds times and returns the fastest measured round. */
  private Throughput best(IntSupplier round) {
    Throughput best = null;
    for (int i = 0; i < warmups + rounds; i++) {
      long begin = System.nanoTime();
      int records = round.getAsInt();
      Throughput measured = new Throughput(records, (System.nanoTime() - begin) / 1e9);
      if (i >= warmups && (best == null || measured.seconds() < best.seconds())) {
        best = measured;
      }
    }
    return best;
  }

  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getPeakUsage)
        .mapToLong(MemoryUsage::getUsed)
        .sum();
  }

  private record Throughput(long records, double seconds) {
    double perSecond() {
      return records / seconds;
    }
  }
}
