package io.marketlambda.ingest.replay;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.ingest.sink.EventSink;
import io.marketlambda.sources.alphavantage.AlphaVantageParser;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.BarLabel;
import io.marketlambda.sources.alphavantage.ParseResult;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.quarantine.ReadSummary;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code marketlambda replay}: publishes recorded ticks (to the quotes topic) or bars (to the bars
 * topic), paced by event time, one stream per file merged by event time. Rows the readers reject go
 * to a quarantine file; the topic is created first when absent.
 */
public final class RecordedReplay {
  private final KafkaPublishConfig kafka;
  private final Replay pacing;
  private final Path quarantineFile;

  /**
   * @param kafka where to publish
   * @param pacing the replay's speed, clock and progress output
   * @param quarantineFile where rejected rows go (JSON Lines)
   */
  public RecordedReplay(KafkaPublishConfig kafka, Replay pacing, Path quarantineFile) {
    this.kafka = kafka;
    this.pacing = pacing;
    this.quarantineFile = quarantineFile;
  }

  /**
   * Replays the files of {@code source} under {@code path}, all symbols or only {@code symbols}.
   *
   * @throws java.io.UncheckedIOException when {@code path} does not exist or holds no matching file
   *     of those symbols
   */
  public Result run(RecordedSource source, Path path, List<Symbol> symbols) {
    if (!supports(source)) {
      throw new IllegalArgumentException(
          "Cannot replay "
              + source.code()
              + ": it holds "
              + source.recordType().getSimpleName()
              + "s; replay publishes trade ticks (quotes) and bars");
    }
    List<Path> files = files(source, path, symbols);
    if (source.recordType() == Quote.class) {
      String topic = kafka.topics().quotes();
      return replay(
          files,
          topic,
          KafkaEventSink.forQuotes(kafka, topic),
          source::openQuotes,
          Quote::eventTime);
    }
    String topic = kafka.topics().bars();
    return replay(files, topic, KafkaEventSink.forBars(kafka, topic), source::openBars, Bar::start);
  }

  /**
   * Replays the bars of one recorded Alpha Vantage time-series response (JSON or CSV), read as the
   * API's answer to {@code request} (which names the function, symbol and interval the file holds),
   * to the bars topic in time order.
   *
   * @param label whether the file's intraday timestamps name bar starts or ends
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws io.marketlambda.sources.alphavantage.AlphaVantageException when the file is not that
   *     answer (an error body, another symbol or interval)
   */
  public Result runAlphaVantage(Path file, AlphaVantageRequest request, BarLabel label) {
    String topic = kafka.topics().bars();
    new TopicCreator(kafka).createMissing(List.of(topic));
    String body;
    try {
      body = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Alpha Vantage file " + file, e);
    }
    try (QuarantineFile quarantine = new QuarantineFile(quarantineFile);
        KafkaEventSink<Bar> sink = KafkaEventSink.forBars(kafka, topic)) {
      ParseResult<Bar> parsed =
          new AlphaVantageParser(label, quarantine).parseBars(request, body, file.toString());
      List<Bar> bars = parsed.records().stream().sorted(Comparator.comparing(Bar::start)).toList();
      ReplaySummary summary =
          pacing.run(List.of(bars.iterator()), Bar::start, sink, OptionalLong.of(bars.size()));
      return new Result(
          topic, summary, List.of(parsed.summary()), quarantine.count(), quarantineFile);
    }
  }

  /** Whether a source holds what replay publishes: trade ticks (quotes) or bars. */
  public static boolean supports(RecordedSource source) {
    return source.recordType() == Quote.class || source.recordType() == Bar.class;
  }

  private <T> Result replay(
      List<Path> files,
      String topic,
      EventSink<T> sink,
      BiFunction<Path, QuarantineFile, RecordedReader<T>> open,
      Function<T, java.time.Instant> eventTime) {
    new TopicCreator(kafka).createMissing(List.of(topic));
    List<RecordedReader<T>> readers = new ArrayList<>();
    try (QuarantineFile quarantine = new QuarantineFile(quarantineFile);
        sink) {
      List<Iterator<T>> streams = new ArrayList<>();
      for (Path file : files) {
        RecordedReader<T> reader = open.apply(file, quarantine);
        readers.add(reader);
        streams.add(reader.stream().iterator());
      }
      ReplaySummary summary =
          pacing.run(streams, eventTime, sink, OptionalLong.of(lineCount(files)));
      List<ReadSummary> reads = readers.stream().map(RecordedReader::summary).toList();
      return new Result(topic, summary, reads, quarantine.count(), quarantineFile);
    } finally {
      readers.forEach(RecordedReader::close);
    }
  }

  private static List<Path> files(RecordedSource source, Path path, List<Symbol> symbols) {
    List<Path> files =
        symbols.isEmpty()
            ? source.files(path)
            : symbols.stream()
                .flatMap(symbol -> source.files(path, symbol).stream())
                .sorted()
                .toList();
    if (files.isEmpty()) {
      throw new UncheckedIOException(
          "Cannot replay "
              + source.code()
              + " "
              + path
              + ": no matching file"
              + (symbols.isEmpty() ? "" : " of " + symbols),
          new java.nio.file.NoSuchFileException(path.toString()));
    }
    return files;
  }

  /** Lines in the files: the number of records, give or take headers, for progress and ETA. */
  private static long lineCount(List<Path> files) {
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return lines;
  }

  /**
   * What a replay did.
   *
   * @param topic where the events went
   * @param replay events replayed and the sink's counts
   * @param reads one summary per file read
   * @param quarantined rows rejected by the readers, kept in {@code quarantineFile}
   */
  public record Result(
      String topic,
      ReplaySummary replay,
      List<ReadSummary> reads,
      long quarantined,
      Path quarantineFile) {}
}
