package io.marketlambda.core.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.InvalidRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values the quote codec must reject, each naming the field at fault. */
class QuoteWireCodecRejectionTest {
  private final QuoteWireCodec codec = new QuoteWireCodec();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":\"185.12\",\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|priceUsd|\"185.12\" is not a number",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100.5,\"source\":\"x\",\"sequence\":1}'"
            + "|sizeShares|100.5 is not an integer",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":18446744073709551616}'"
            + "|sequence|18446744073709551616 is out of the 64-bit integer range",
        "'{\"schemaVersion\":1,\"symbol\":null,\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|symbol|null is not a string",
        "'{\"schemaVersion\":1,\"symbol\":\"ibm\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|symbol|\"ibm\" starts with 'i' (lower case; Symbol.of upper-cases input)",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07 13:30\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|eventTime|\"2013-10-07 13:30\" is not an ISO-8601 UTC instant like 2013-10-07T13:30:00Z",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":-1,\"source\":\"x\",\"sequence\":1}'"
            + "|sizeShares|-1 is negative",
        "'{\"schemaVersion\":\"1\"}'|schemaVersion|\"1\" is not an integer",
        // An object or array where a scalar belongs, after an unknown nested field (ignored)
        "'{\"schemaVersion\":1,\"extra\":{\"a\":[1,{\"b\":null}]},\"symbol\":{\"a\":1}}'"
            + "|symbol|{\"a\":1} is not a string",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":[185.12],\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|priceUsd|[185.12] is not a number",
        // Milliseconds before 1970 cannot stamp an HBase cell; years past 9999 are past Spark's.
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"1969-12-31T23:59:59.999Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|eventTime|1969-12-31T23:59:59.999Z is outside 1970-01-01T00:00:00Z (inclusive) to"
            + " +10000-01-01T00:00:00Z (exclusive)",
        "'{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"+1000000-01-01T00:00:00Z\","
            + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}'"
            + "|eventTime|+1000000-01-01T00:00:00Z is outside 1970-01-01T00:00:00Z (inclusive) to"
            + " +10000-01-01T00:00:00Z (exclusive)",
      })
  void rejectsWrongTypesAndValuesNamingTheField(String json, String field, String reason) {
    assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }

  @Test
  void rejectsBytesThatAreNotTextAsAWholeValue() {
    // Jackson takes 00 00 41 00 for UCS-4 in an unusual byte order and throws an IOException that
    // is not a parse error: it must be a rejection like any other, not escape the decoder.
    byte[] ucs4 = {0x00, 0x00, 0x41, 0x00};

    assertThatThrownBy(() -> codec.decode(ucs4))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo(InvalidWireRecordException.WHOLE_VALUE);
              assertThat(e.reason()).startsWith("is not UTF-8 JSON: ");
            });
  }

  @Test
  void aRejectionByTheModelKeepsTheModelExceptionAsCause() {
    byte[] negativePrice =
        ("{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
                + "\"priceUsd\":-3.2,\"sizeShares\":100,\"source\":\"x\",\"sequence\":1}")
            .getBytes(UTF_8);

    assertThatThrownBy(() -> codec.decode(negativePrice))
        .hasCauseExactlyInstanceOf(InvalidRecordException.class)
        .isInstanceOf(InvalidRecordException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'[1,2]'|is not a JSON object",
        "'\"IBM\"'|is not a JSON object",
        "'{\"schemaVersion\":1}{\"schemaVersion\":1}'|is not JSON: Trailing token",
        "'{\"schemaVersion\":1,\"schemaVersion\":2}'|is not JSON: Duplicate field 'schemaVersion'",
      })
  void rejectsValuesThatAreNotOneJsonObject(String json, String reasonStart) {
    assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo("$");
              assertThat(e.reason()).startsWith(reasonStart);
            });
  }

  @Test
  void rejectsEmptyAndNullValues() {
    assertThatThrownBy(() -> codec.decode(new byte[0]))
        .hasMessage("Cannot decode quote: value is empty");
    assertThatThrownBy(() -> codec.decode(null)).hasMessage("Cannot decode quote: value is empty");
  }
}
