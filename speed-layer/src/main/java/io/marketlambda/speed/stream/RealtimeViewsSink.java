package io.marketlambda.speed.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.speed.hbase.RealtimeViewWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The production {@link SpeedSink}: bars, indicators, alerts and latest quotes into the HBase
 * realtime views ({@link RealtimeViewWriter}, on the JVM's shared connection), and to Kafka (on the
 * JVM's shared producer, {@link SharedProducers}):
 *
 * <ul>
 *   <li>the <b>late topic</b>: the original key and value bytes unchanged, with headers {@value
 *       #WATERMARK} (the watermark missed, ISO-8601 UTC), {@value #SOURCE_TOPIC}, {@value
 *       #SOURCE_PARTITION}, {@value #SOURCE_OFFSET};
 *   <li>the <b>dead-letter topic</b>: the original key and value (cut to {@value #MAX_VALUE_BYTES}
 *       bytes, with header {@value #TRUNCATED_FROM} giving the original size), with headers {@value
 *       #ERROR_FIELD} ("$" for the whole value), {@value #ERROR_REASON} and the source headers (the
 *       convention of Kafka Connect's dead-letter queues);
 *   <li>the <b>alerts topic</b>: JSON keyed by alert id, e.g. {@code
 *       {"schemaVersion":"marketlambda.alerts.v1","alertId":"IBM/price_spike/1381152600000",
 *       "symbol":"IBM","type":"price_spike","time":"2013-10-07T13:30:00.000Z","value":0.021,
 *       "threshold":0.02,"status":"provisional"}}; {@code time} is the start of the 1-minute bar.
 *       An alert raised while its bar was filling up that the closed bar does not raise is
 *       withdrawn: its cells are deleted and the same key gets {@code "status":"withdrawn"}
 *       (without value and threshold).
 * </ul>
 *
 * Topics are written at least once: a micro-batch replayed after a failure sends again (consumers
 * key on the alert id, or the source offset). {@link Writer#close()} waits for every send.
 */
public final class RealtimeViewsSink implements SpeedSink {
  private static final long serialVersionUID = 1L;

  static final String ERROR_FIELD = "marketlambda.error.field";
  static final String ERROR_REASON = "marketlambda.error.reason";
  static final String SOURCE_TOPIC = "marketlambda.source.topic";
  static final String SOURCE_PARTITION = "marketlambda.source.partition";
  static final String SOURCE_OFFSET = "marketlambda.source.offset";
  static final String TRUNCATED_FROM = "marketlambda.error.truncated-from";
  static final String WATERMARK = "marketlambda.late.watermark";
  static final String ALERTS_SCHEMA_VERSION = "marketlambda.alerts.v1";
  static final int MAX_VALUE_BYTES = 512 * 1024;

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> hbase;
  private final HBaseViewsConfig views;
  private final Map<String, String> kafka;
  private final String lateTopic;
  private final String deadLetterTopic;
  private final String alertsTopic;

  /**
   * @param hbase HBase client settings, keys verbatim
   * @param views the realtime views' namespace and salt buckets
   * @param kafka Kafka producer settings, keys without the {@code kafka.} prefix
   */
  public RealtimeViewsSink(
      Map<String, String> hbase,
      HBaseViewsConfig views,
      Map<String, String> kafka,
      String lateTopic,
      String deadLetterTopic,
      String alertsTopic) {
    this.hbase = Map.copyOf(hbase);
    this.views = views;
    this.kafka = Map.copyOf(kafka);
    this.lateTopic = lateTopic;
    this.deadLetterTopic = deadLetterTopic;
    this.alertsTopic = alertsTopic;
  }

  @Override
  public Writer open() {
    return new HBaseAndKafkaWriter();
  }

  private final class HBaseAndKafkaWriter implements Writer {
    private RealtimeViewWriter views;
    private final List<Future<RecordMetadata>> sends = new ArrayList<>();

    private RealtimeViewWriter views() {
      if (views == null) {
        views = RealtimeViewWriter.openShared(hbase, RealtimeViewsSink.this.views);
      }
      return views;
    }

    @Override
    public void write(Bar bar) {
      views().write(bar);
    }

    @Override
    public void write(IndicatorSnapshot indicators) {
      views().write(indicators);
    }

    @Override
    public void write(Alert alert) {
      views().write(alert);
      send(
          new ProducerRecord<>(
              alertsTopic, alert.id().getBytes(StandardCharsets.UTF_8), alertJson(alert)));
    }

    @Override
    public void withdraw(Symbol symbol, Instant time, AlertType type) {
      views().withdraw(symbol, time, type);
      String id = symbol.value() + "/" + type.code() + "/" + time.toEpochMilli();
      send(
          new ProducerRecord<>(
              alertsTopic,
              id.getBytes(StandardCharsets.UTF_8),
              withdrawalJson(id, symbol, time, type)));
    }

    @Override
    public void writeLatestQuote(Quote quote) {
      views().writeLatestQuote(quote);
    }

    @Override
    public void late(SourceRecord record, Instant watermark) {
      RecordHeaders headers = sourceHeaders(record);
      headers.add(WATERMARK, utf8(watermark.toString()));
      send(new ProducerRecord<>(lateTopic, null, null, record.key(), record.value(), headers));
    }

    @Override
    public void deadLetter(SourceRecord record, String field, String reason) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(ERROR_FIELD, utf8(field));
      headers.add(ERROR_REASON, utf8(reason));
      sourceHeaders(record).forEach(headers::add);
      byte[] value = record.value();
      if (value != null && value.length > MAX_VALUE_BYTES) {
        headers.add(TRUNCATED_FROM, utf8(Integer.toString(value.length)));
        value = java.util.Arrays.copyOf(value, MAX_VALUE_BYTES);
      }
      send(new ProducerRecord<>(deadLetterTopic, null, null, record.key(), value, headers));
    }

    @Override
    public void flush() {
      if (views != null) {
        views.flush();
      }
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
      sends.add(SharedProducers.get(kafka).send(record));
    }

    @Override
    public void close() {
      RuntimeException failure = null;
      if (views != null) {
        try {
          views.close();
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      for (Future<RecordMetadata> send : sends) {
        try {
          send.get();
        } catch (ExecutionException e) {
          RuntimeException sendFailure =
              new IllegalStateException(
                  "Cannot send to Kafka: " + e.getCause().getMessage(), e.getCause());
          if (failure == null) {
            failure = sendFailure;
          } else {
            failure.addSuppressed(sendFailure);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while sending to Kafka", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static RecordHeaders sourceHeaders(SourceRecord record) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SOURCE_TOPIC, utf8(record.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
    return headers;
  }

  static byte[] alertJson(Alert alert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("schemaVersion", ALERTS_SCHEMA_VERSION);
      json.writeStringField("alertId", alert.id());
      json.writeStringField("symbol", alert.symbol().value());
      json.writeStringField("type", alert.type().code());
      json.writeStringField("time", MILLIS.format(alert.time()));
      json.writeNumberField("value", alert.value());
      json.writeNumberField("threshold", alert.threshold());
      json.writeStringField("status", alert.provisional() ? "provisional" : "confirmed");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write alert " + alert.id() + " as JSON", e);
    }
    return out.toByteArray();
  }

  static byte[] withdrawalJson(String id, Symbol symbol, Instant time, AlertType type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(192);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("schemaVersion", ALERTS_SCHEMA_VERSION);
      json.writeStringField("alertId", id);
      json.writeStringField("symbol", symbol.value());
      json.writeStringField("type", type.code());
      json.writeStringField("time", MILLIS.format(time));
      json.writeStringField("status", "withdrawn");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the withdrawal of alert " + id + " as JSON", e);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
