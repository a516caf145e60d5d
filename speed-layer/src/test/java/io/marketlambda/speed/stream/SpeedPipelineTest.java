package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The real {@link SpeedPipeline} on local Spark, fed Kafka-shaped records from memory and writing
 * to an in-memory sink: bars, latest quote, duplicates, a poison record and a late trade.
 */
class SpeedPipelineTest {
  /** The columns of Spark's Kafka source that the pipeline reads. */
  static final StructType KAFKA =
      new StructType()
          .add("key", DataTypes.BinaryType)
          .add("value", DataTypes.BinaryType)
          .add("topic", DataTypes.StringType)
          .add("partition", DataTypes.IntegerType)
          .add("offset", DataTypes.LongType)
          .add("timestamp", DataTypes.TimestampType);

  private static final Symbol IBM = Symbol.of("IBM");

  @TempDir Path lake;

  @Test
  void recordsBecomeViewsWithDuplicatesDroppedPoisonQuarantinedAndLateTradesRouted()
      throws Exception {
    SparkSession spark = LocalSpark.session();
    SpeedConfig config =
        SpeedConfig.from(
            Settings.empty()
                .withOverrides(
                    List.of(
                        "lake.root=" + lake.toUri(),
                        "speed.trigger=processing-time",
                        "speed.latest-quote-trigger=micro-batch",
                        "speed.watermark=10s")));
    InMemorySpeedSink sink = new InMemorySpeedSink();
    SpeedPipeline pipeline = new SpeedPipeline(spark, config, sink, new SpeedMetrics());
    MemoryStream<Row> records =
        new MemoryStream<>(1, spark.sqlContext(), Option.<Object>apply(2), Encoders.row(KAFKA));
    MemoryStream<Row> quotes =
        new MemoryStream<>(2, spark.sqlContext(), Option.<Object>apply(2), Encoders.row(KAFKA));

    List<LeanTradeTicks.Tick> morning =
        LeanTradeTicks.read("IBM").ticks().stream()
            .filter(tick -> tick.time().isBefore(Instant.parse("2013-10-07T13:40:00Z")))
            .filter(tick -> !tick.time().isBefore(Instant.parse("2013-10-07T13:30:00Z")))
            .toList();
    List<Row> first = new ArrayList<>();
    for (LeanTradeTicks.Tick tick : morning) {
      first.add(record(quote(tick), first.size()));
    }
    first.add(record(quote(morning.get(0)), first.size())); // a duplicate
    first.add(
        RowFactory.create(
            "X".getBytes(StandardCharsets.UTF_8),
            "{not json".getBytes(StandardCharsets.UTF_8),
            config.topics().quotes(),
            0,
            (long) first.size(),
            new Timestamp(0)));
    // Stamped 10 minutes after it was sent (a clock ahead): dead-lettered, or it would move the
    // watermark past every later trade and hold the latest quote.
    Quote ahead = new Quote(IBM, Instant.parse("2013-10-07T13:45:00Z"), 200, 100, "t", 888_888);
    QuoteWireCodec codec = new QuoteWireCodec();
    first.add(
        RowFactory.create(
            codec.encodeKey(ahead),
            codec.encodeValue(ahead),
            config.topics().quotes(),
            0,
            (long) first.size(),
            Timestamp.from(Instant.parse("2013-10-07T13:35:00Z"))));

    StreamingQuery views = pipeline.startViews(records.toDF(), 2);
    StreamingQuery latest = pipeline.startLatestQuotes(quotes.toDF(), 2);
    try {
      records.addData(JavaConverters.asScalaBuffer(first).toSeq());
      quotes.addData(JavaConverters.asScalaBuffer(first).toSeq());
      views.processAllAvailable();
      latest.processAllAvailable();
      // The watermark is now 10 s behind the last trade (13:39:5x): a trade at 13:31 is late.
      Quote late = new Quote(IBM, Instant.parse("2013-10-07T13:31:00Z"), 250, 100, "t", 999_999);
      records.addData(JavaConverters.asScalaBuffer(List.of(record(late, first.size()))).toSeq());
      views.processAllAvailable();
    } finally {
      views.stop();
      latest.stop();
    }

    InMemorySpeedSink.Contents written = sink.contents();
    Instant nineThirtyOne = Instant.parse("2013-10-07T13:31:00Z");
    LeanTradeTicks.TradeBar expected =
        LeanTradeTicks.TradeBar.of(
            nineThirtyOne,
            morning.stream()
                .filter(tick -> !tick.time().isBefore(nineThirtyOne))
                .filter(tick -> tick.time().isBefore(nineThirtyOne.plusSeconds(60)))
                .toList());
    Bar bar = written.bar("IBM", "1m", nineThirtyOne);
    assertThat(bar.tradeCount()).isEqualTo(expected.trades());
    assertThat(bar.highUsd()).isEqualTo(expected.high()).isLessThan(250);
    assertThat(bar.volumeShares()).isEqualTo((double) expected.volume());
    Bar firstMinute = written.bar("IBM", "1m", Instant.parse("2013-10-07T13:30:00Z"));
    assertThat(firstMinute.tradeCount())
        .as("the duplicate counted once")
        .isEqualTo(morning.stream().filter(t -> t.time().isBefore(nineThirtyOne)).count());
    assertThat(written.bar("IBM", "5m", Instant.parse("2013-10-07T13:35:00Z"))).isNotNull();
    assertThat(written.indicators).hasSize(10);
    assertThat(written.deadLetters)
        .hasSize(2)
        .anySatisfy(letter -> assertThat(letter).startsWith("$: "))
        .anySatisfy(
            letter ->
                assertThat(letter)
                    .startsWith(
                        "eventTime: 2013-10-07T13:45:00Z is PT10M ahead of the record's Kafka"
                            + " timestamp 2013-10-07T13:35:00Z"));
    assertThat(written.late)
        .singleElement()
        .satisfies(r -> assertThat(r.offset()).isEqualTo(first.size()));
    LeanTradeTicks.Tick last = morning.get(morning.size() - 1);
    assertThat(written.latest.get(IBM).eventTime()).isEqualTo(last.time());
  }

  private static Quote quote(LeanTradeTicks.Tick tick) {
    return new Quote(IBM, tick.time(), tick.priceUsd(), tick.size(), "lean-tick", tick.line());
  }

  private static Row record(Quote quote, long offset) {
    QuoteWireCodec codec = new QuoteWireCodec();
    return RowFactory.create(
        codec.encodeKey(quote),
        codec.encodeValue(quote),
        "marketlambda.quotes.v1",
        0,
        offset,
        // Sent as it happened: the record's Kafka timestamp is the trade's time.
        Timestamp.from(quote.eventTime()));
  }
}
