package io.marketlambda.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackProcessTest {
  @TempDir Path directory;
  private final String previousClasspathFile =
      System.getProperty(LocalStackProcess.CLASSPATH_FILE_PROPERTY);

  @AfterEach
  void restoreProperties() {
    if (previousClasspathFile == null) {
      System.clearProperty(LocalStackProcess.CLASSPATH_FILE_PROPERTY);
    } else {
      System.setProperty(LocalStackProcess.CLASSPATH_FILE_PROPERTY, previousClasspathFile);
    }
  }

  @Test
  void jvmFlagsAreSparksJdk17ModuleOptions() {
    assertThat(LocalStackProcess.jvmFlags())
        .contains(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED")
        .noneMatch(flag -> flag.contains("${"));
  }

  @Test
  void commandRunsTheServerWithTheClassPathFromTheBuildAndTheOptions() throws Exception {
    Path classpathFile = directory.resolve("local-stack.classpath");
    Files.writeString(classpathFile, "/jars/a.jar:/jars/b.jar\n");
    System.setProperty(LocalStackProcess.CLASSPATH_FILE_PROPERTY, classpathFile.toString());
    LocalStackOptions options =
        new LocalStackOptions(
            directory, true, 9092, 2181, 8020, Optional.empty(), "2g", Duration.ofMinutes(1));

    List<String> command =
        LocalStackProcess.command(options, directory.resolve("endpoints.properties"));

    assertThat(command.get(0)).endsWith("/bin/java");
    assertThat(command).contains("-Xmx2g", "--fresh");
    assertThat(command)
        .containsSubsequence("-cp", "/jars/a.jar:/jars/b.jar", LocalStackProcess.MAIN_CLASS)
        .containsSubsequence("--data-dir", directory.toString())
        .containsSubsequence("--kafka-port", "9092")
        .containsSubsequence("--zookeeper-port", "2181")
        .containsSubsequence("--hdfs-port", "8020");
  }

  @Test
  void aMissingClassPathFileSaysHowToBuildIt() {
    System.setProperty(
        LocalStackProcess.CLASSPATH_FILE_PROPERTY, directory.resolve("absent").toString());

    assertThatThrownBy(LocalStackProcess::classpath)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Cannot read local stack class path file")
        .hasMessageContaining("./mvnw package -pl local-stack/server -am");
  }

  @Test
  void aChildThatDiesAtStartIsReportedWithItsLog() throws Exception {
    Path classpathFile = directory.resolve("empty.classpath");
    Files.writeString(classpathFile, directory.resolve("no-such.jar").toString());
    System.setProperty(LocalStackProcess.CLASSPATH_FILE_PROPERTY, classpathFile.toString());
    LocalStackOptions options =
        new LocalStackOptions(
            directory.resolve("data"),
            false,
            0,
            0,
            0,
            Optional.of(directory.resolve("child.log")),
            "64m",
            Duration.ofMinutes(1));

    assertThatThrownBy(() -> LocalStackProcess.start(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot start local stack: its JVM exited with code 1")
        .hasMessageContaining("ClassNotFoundException: " + LocalStackProcess.MAIN_CLASS);
  }
}
