package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryOutputTest {
  private static final List<QueryOutput.Column> COLUMNS =
      List.of(
          new QueryOutput.Column("symbol", "symbol", "%-8s"),
          new QueryOutput.Column("price_usd", "price USD", "%12.4f"),
          new QueryOutput.Column("size", "size", "%,10d"),
          new QueryOutput.Column("source", "source", "%-8s"));
  private static final List<List<Object>> ROWS =
      List.of(
          List.of("IBM", 186.37, 100L, "lean-tick"),
          List.of("BRK.B", 120.5, 1_500L, "a \"quoted\", source"));

  private String write(String format) {
    QueryOutput output = new QueryOutput();
    output.format = format;
    StringWriter text = new StringWriter();
    output.write(new PrintWriter(text, true), COLUMNS, ROWS);
    return text.toString();
  }

  @Test
  void aTableAlignsHeadingsWithTheirColumns() {
    assertThat(write("table").split("\n"))
        .containsExactly(
            "symbol      price USD       size source  ",
            "IBM          186.3700        100 lean-tick",
            "BRK.B        120.5000      1,500 a \"quoted\", source");
  }

  @Test
  void jsonIsAnArrayOfObjectsWithTheColumnNamesAndNumbersAsNumbers() throws Exception {
    JsonNode rows = new ObjectMapper().readTree(write("JSON"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("symbol").asText()).isEqualTo("IBM");
    assertThat(rows.get(0).get("price_usd").isNumber()).isTrue();
    assertThat(rows.get(0).get("price_usd").asDouble()).isEqualTo(186.37);
    assertThat(rows.get(1).get("size").asLong()).isEqualTo(1_500);
  }

  @Test
  void csvHasAHeaderAndQuotesWhatNeedsQuoting() {
    assertThat(write("csv").split("\n"))
        .containsExactly(
            "symbol,price_usd,size,source",
            "IBM,186.37,100,lean-tick",
            "BRK.B,120.5,1500,\"a \"\"quoted\"\", source\"");
  }

  @Test
  void anUnknownFormatIsRefusedByName() {
    QueryOutput output = new QueryOutput();
    output.format = "xml";
    assertThatThrownBy(output::format)
        .hasMessage("Cannot use --output xml: give table, json or csv");
  }
}
