package io.marketlambda.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {
  private static final Path DATA = Path.of("target", "stack");

  @Test
  void testOptionsUseFreePortsAFreshStackAndALogFileBesideTheData() {
    LocalStackOptions options = LocalStackOptions.forTests(DATA);

    assertThat(options.dataDirectory()).isEqualTo(DATA.toAbsolutePath());
    assertThat(options.fresh()).isTrue();
    assertThat(options.kafkaPort()).isZero();
    assertThat(options.zookeeperPort()).isZero();
    assertThat(options.hdfsPort()).isZero();
    assertThat(options.logFile()).contains(DATA.resolve("local-stack.log"));
    assertThat(options.heap()).isEqualTo("1g");
    assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void rejectsAPortOutOfRangeNamingIt() {
    assertThatThrownBy(() -> options(70000, "1g", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot accept local stack kafkaPort: 70000");
  }

  @Test
  void rejectsAHeapThatIsNotXmxSyntax() {
    assertThatThrownBy(() -> options(0, "1.5GB", Duration.ofMinutes(1)))
        .hasMessage("Cannot accept local stack heap: 1.5GB");
  }

  @Test
  void rejectsANonPositiveStartTimeout() {
    assertThatThrownBy(() -> options(0, "1g", Duration.ZERO))
        .hasMessage("Cannot accept local stack start timeout: PT0S");
  }

  private static LocalStackOptions options(int kafkaPort, String heap, Duration timeout) {
    return new LocalStackOptions(DATA, false, kafkaPort, 0, 0, Optional.empty(), heap, timeout);
  }
}
