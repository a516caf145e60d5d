package io.marketlambda.ingest.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.ingest.quarantine.QuarantineFile;
import io.marketlambda.ingest.recorded.LeanTradeTickReader;
import io.marketlambda.ingest.recorded.RecordedReader;
import io.marketlambda.ingest.sink.PublishStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code marketlambda bench ingest}: how fast ingest parses recorded ticks and publishes them, each
 * next to a bare baseline measured in the same run on the same bytes:
 *
 * <ul>
 *   <li>parse: {@link LeanTradeTickReader} (validation, time-zone conversion, model records)
 *       against a plain Jackson CSV parse of the same file into string arrays;
 *   <li>publish: {@link KafkaEventSink} (wire encoding, idempotent producer, counting callbacks)
 *       against a raw {@link KafkaProducer} loop sending the same pre-encoded bytes with the same
 *       producer settings.
 * </ul>
 *
 * Each measurement runs {@code warmups} times unmeasured, then {@code rounds} times; the best round
 * is reported (the least disturbed by GC and the other core).
 */
public final class IngestBenchmark {
  private final Path tickFile;
  private final KafkaPublishConfig kafka;
  private final int warmups;
  private final int rounds;
  private final Consumer<String> out;

  public IngestBenchmark(
      Path tickFile, KafkaPublishConfig kafka, int warmups, int rounds, Consumer<String> out) {
    this.tickFile = tickFile;
    this.kafka = kafka;
    this.warmups = warmups;
    this.rounds = rounds;
    this.out = out;
  }

  /** Runs every measurement and prints one line per figure. */
  public void run() {
    out.accept("bench ingest: " + tickFile + " (" + size(tickFile) / 1024 + " KiB)");
    List<Quote> quotes = new ArrayList<>();
    Throughput parse = best(() -> quotes.addAll(readTicks()), quotes::clear, quotes::size);
    List<String[]> rows = new ArrayList<>();
    Throughput bareParse = best(() -> rows.addAll(readCsv()), rows::clear, rows::size);
    print("parse   lean-tick reader       ", parse, bareParse);

    String topic = "bench.ingest.quotes";
    String bareTopic = "bench.ingest.raw";
    new TopicCreator(kafka).createMissing(List.of(topic, bareTopic));
    QuoteWireCodec codec = new QuoteWireCodec();
    List<byte[]> keys = quotes.stream().map(codec::encodeKey).toList();
    List<byte[]> values = quotes.stream().map(codec::encodeValue).toList();
    long bytes = values.stream().mapToLong(value -> value.length).sum();
    Throughput publish = best(() -> publishWithSink(topic, quotes), () -> {}, quotes::size);
    Throughput barePublish = best(() -> publishRaw(bareTopic, keys, values), () -> {}, keys::size);
    print("publish KafkaEventSink         ", publish, barePublish);
    out.accept(
        String.format(
            java.util.Locale.ROOT,
            "publish MB/s: sink %.1f, raw producer %.1f (%,d value bytes)",
            bytes / publish.seconds() / 1e6,
            bytes / barePublish.seconds() / 1e6,
            bytes));
    out.accept(
        String.format(java.util.Locale.ROOT, "peak heap used: %,d MiB", peakHeapBytes() >> 20));
  }

  private List<Quote> readTicks() {
    try (QuarantineFile quarantine =
            new QuarantineFile(Path.of("work", "bench", "quarantine.jsonl"));
        RecordedReader<Quote> reader = LeanTradeTickReader.open(tickFile, quarantine)) {
      return reader.readAll();
    }
  }

  private List<String[]> readCsv() {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> rows =
        mapper.readerFor(String[].class).readValues(tickFile.toFile())) {
      return rows.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + tickFile, e);
    }
  }

  private void publishWithSink(String topic, List<Quote> quotes) {
    try (KafkaEventSink<Quote> sink = KafkaEventSink.forQuotes(kafka, topic)) {
      quotes.forEach(sink::publish);
      PublishStats stats = sink.flush();
      if (stats.failed() > 0) {
        throw new IllegalStateException(stats.firstFailure().orElse("publish failed"));
      }
    }
  }

  private void publishRaw(String topic, List<byte[]> keys, List<byte[]> values) {
    Map<String, Object> properties = Map.copyOf(kafka.producerProperties());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < keys.size(); i++) {
        producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
      }
      producer.flush();
    }
  }

  private Throughput best(Runnable round, Runnable reset, java.util.function.IntSupplier records) {
    Throughput best = null;
    for (int i = 0; i < warmups + rounds; i++) {
      reset.run();
      long begin = System.nanoTime();
      round.run();
      double seconds = (System.nanoTime() - begin) / 1e9;
      Throughput measured = new Throughput(records.getAsInt(), seconds);
      if (i >= warmups && (best == null || measured.seconds() < best.seconds())) {
        best = measured;
      }
    }
    return best;
  }

  private void print(String what, Throughput ours, Throughput bare) {
    out.accept(
        String.format(
            java.util.Locale.ROOT,
            "%s %,12.0f records/s   baseline %,12.0f records/s   ratio %.2f",
            what,
            ours.perSecond(),
            bare.perSecond(),
            ours.perSecond() / bare.perSecond()));
  }

  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getPeakUsage)
        .mapToLong(usage -> usage.getUsed())
        .sum();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private record Throughput(long records, double seconds) {
    double perSecond() {
      return records / seconds;
    }
  }
}
