package io.marketlambda.bench.speed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kafka values that break the quote wire format v1 ({@code core}'s {@code QuoteWireCodec}) in each
 * way a feed or an attacker can: for fault F4 of {@link FaultBench}. Every value would land in
 * IBM's 1-minute bar of {@code eventTime} if the speed layer took it, so one taken shows up in the
 * accounting as a trade too many.
 *
 * <p>Kinds: JSON cut short, bytes Jackson takes for UCS-4 ({@code 00 00 41 00}), a UTF-8 and a
 * UTF-32 byte-order mark before broken JSON, {@code NaN} and {@code 1e400} (infinite) prices,
 * negative and zero prices, a negative size, a lower-case symbol, schema version 99, event times
 * before 1970, in 2099 (further ahead than the speed layer accepts) and in the year 1,000,000 (past
 * Spark's timestamp range), an empty value, a JSON array, and a few values of 5 MiB. Bars with high
 * below low are not in it: the quotes topic carries trades, and vendor bars have their own topic.
 */
final class PoisonCorpus {
  /** Values of 5 MiB in a corpus, at most: enough to prove the point, not to fill the disk. */
  static final int BIG_VALUES = 4;

  static final int BIG_VALUE_BYTES = 5 * 1024 * 1024;

  /** One bad value and what is wrong with it. */
  record Poison(String kind, byte[] value) {
    @Override
    public String toString() {
      return kind + " (" + value.length + " bytes)";
    }
  }

  private PoisonCorpus() {}

  /**
   * Returns {@code count} bad values, the kinds taking turns.
   *
   * @param eventTime the event time written into the values that carry one (a time of the trades
   *     they are mixed with)
   */
  static List<Poison> of(int count, Instant eventTime) {
    List<Poison> kinds = kinds(eventTime.toString());
    List<Poison> corpus = new ArrayList<>(count);
    int big = 0;
    for (int i = 0; corpus.size() < count; i++) {
      if (i % 2_500 == 1_249 && big < BIG_VALUES) {
        corpus.add(bigValue());
        big++;
      } else {
        corpus.add(kinds.get(i % kinds.size()));
      }
    }
    return corpus;
  }

  /** Each kind once, the 5 MiB value included. */
  static List<Poison> eachKind(Instant eventTime) {
    List<Poison> kinds = new ArrayList<>(kinds(eventTime.toString()));
    kinds.add(bigValue());
    return kinds;
  }

  private static List<Poison> kinds(String time) {
    return List.of(
        utf8("truncated-json", "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"" + time),
        new Poison("ucs4-bytes", new byte[] {0, 0, 0x41, 0, 0, 0, 0x42, 0}),
        new Poison(
            "utf8-bom-broken-json",
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"schemaVersion\":1,\"symbol\":\"IBM\",}".getBytes(StandardCharsets.UTF_8))),
        new Poison(
            "utf32-bom-garbage",
            new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 0x7B, (byte) 0xFF, 1, 2, 3}),
        utf8("nan-price", quote("1", "\"IBM\"", time, "NaN", "100")),
        utf8("infinite-price", quote("1", "\"IBM\"", time, "1e400", "100")),
        utf8("negative-price", quote("1", "\"IBM\"", time, "-185.12", "100")),
        utf8("zero-price", quote("1", "\"IBM\"", time, "0", "100")),
        utf8("negative-size", quote("1", "\"IBM\"", time, "185.12", "-100")),
        utf8("lower-case-symbol", quote("1", "\"ibm\"", time, "185.12", "100")),
        utf8("unknown-schema-version", quote("99", "\"IBM\"", time, "185.12", "100")),
        utf8("before-1970", quote("1", "\"IBM\"", "1969-12-31T23:59:59Z", "185.12", "100")),
        utf8("far-future", quote("1", "\"IBM\"", "2099-01-01T00:00:00Z", "185.12", "100")),
        utf8(
            "past-spark-range", quote("1", "\"IBM\"", "+1000000-01-01T00:00:00Z", "185.12", "100")),
        new Poison("empty", new byte[0]),
        utf8("json-array", "[1,2]"));
  }

  /** A JSON object of 5 MiB without the quote's fields. */
  private static Poison bigValue() {
    byte[] padding = new byte[BIG_VALUE_BYTES];
    Arrays.fill(padding, (byte) 'x');
    return new Poison(
        "5mib-value",
        concat(
            "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"padding\":\""
                .getBytes(StandardCharsets.UTF_8),
            padding,
            "\"}".getBytes(StandardCharsets.UTF_8)));
  }

  private static String quote(
      String schemaVersion, String symbol, String time, String price, String size) {
    return "{\"schemaVersion\":"
        + schemaVersion
        + ",\"symbol\":"
        + symbol
        + ",\"eventTime\":\""
        + time
        + "\",\"priceUsd\":"
        + price
        + ",\"sizeShares\":"
        + size
        + ",\"source\":\"bench-poison\",\"sequence\":1}";
  }

  private static Poison utf8(String kind, String value) {
    return new Poison(kind, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
