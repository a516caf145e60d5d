package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskedApiKeyTest {
  @TempDir Path directory;

  @Test
  void neverShowsTheKey() {
    MaskedApiKey key = new MaskedApiKey("ABCD1234");

    assertThat(key.toString()).isEqualTo("***");
    assertThat(String.valueOf(key)).doesNotContain("ABCD1234");
    assertThat(
            MaskedApiKey.mask(
                "https://www.alphavantage.co/query?function=X&apikey=ABCD1234&symbol=IBM"))
        .isEqualTo("https://www.alphavantage.co/query?function=X&apikey=***&symbol=IBM");
    assertThat(MaskedApiKey.mask("...query?apikey=ABCD1234")).isEqualTo("...query?apikey=***");
  }

  @Test
  void readsTheEnvironmentFirstThenTheKeyFile() throws Exception {
    Path file = Files.writeString(directory.resolve("av.key"), "FROMFILE\n");

    assertThat(MaskedApiKey.load(Map.of("ALPHAVANTAGE_API_KEY", " FROMENV "), file).value())
        .isEqualTo("FROMENV");
    assertThat(MaskedApiKey.load(Map.of(), file).value()).isEqualTo("FROMFILE");
  }

  @Test
  void saysWhereTheKeyCanComeFromWhenThereIsNone() {
    assertThatThrownBy(() -> MaskedApiKey.load(Map.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot find the Alpha Vantage API key: set ALPHAVANTAGE_API_KEY or config key"
                + " alphavantage.api-key-file");
    assertThatThrownBy(() -> new MaskedApiKey("has space&apikey"))
        .hasMessage("Cannot use Alpha Vantage API key: it is not 1 to 128 letters, digits, _ or -");
  }
}
