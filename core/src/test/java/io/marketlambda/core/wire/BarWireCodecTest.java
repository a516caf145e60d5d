package io.marketlambda.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarWireCodecTest {
  // Lean's IBM minute bar of 2013-10-07 09:30 New York (34200000 ms after midnight):
  // 1820000,1822400,1818500,1821500 (x 10,000), 174289 shares; VWAP = typical price.
  private static final Bar OPENING_MINUTE =
      new Bar(
          new Symbol("IBM"),
          BarInterval.ONE_MINUTE,
          Instant.parse("2013-10-07T13:30:00Z"),
          182.0,
          182.24,
          181.85,
          182.15,
          174289,
          182.08,
          0);

  private final BarWireCodec codec = new BarWireCodec();

  @Test
  void encodesABarAsTheGoldenBytes() {
    assertThat(codec.encodeValue(OPENING_MINUTE)).isEqualTo(GoldenFiles.read("bar-v1-minute.json"));
  }

  @Test
  void decodesTheGoldenBytesToTheBar() {
    assertThat(codec.decode(GoldenFiles.read("bar-v1-minute.json"))).isEqualTo(OPENING_MINUTE);
  }

  @Test
  void keysByTheSymbol() {
    assertThat(codec.encodeKey(OPENING_MINUTE)).isEqualTo("IBM".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource({
    "bar-v1-bad-high-below-open.json, highUsd",
    "bar-v1-bad-interval.json, interval",
    "bar-v1-bad-missing-volume.json, volumeShares"
  })
  void rejectsABadBarNamingTheField(String file, String field) {
    assertThatThrownBy(() -> codec.decode(GoldenFiles.read(file)))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.kind()).isEqualTo("bar");
            })
        .hasMessageStartingWith("Cannot decode bar: field \"" + field + "\": ");
  }

  @Test
  void rejectsAQuoteOnTheBarsTopic() {
    byte[] quote =
        ("{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
                + "\"priceUsd\":182.0,\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(quote))
        .isInstanceOf(InvalidWireRecordException.class)
        .hasMessage("Cannot decode bar: field \"interval\": is missing");
  }
}
