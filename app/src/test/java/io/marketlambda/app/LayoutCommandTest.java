package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code marketlambda layout apply|verify} on local disk. */
class LayoutCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void applyIsIdempotentAndVerifyReportsDriftWithExitOne(@TempDir Path base) throws IOException {
    String fs = base.toUri().toString();

    assertThat(run("layout", "apply", "--fs", fs)).isZero();
    assertThat(out.toString())
        .contains("created file:" + base + "/marketlambda/lake/gold/bars_daily 0755")
        .contains("28 changes; lake.root=" + base.toUri() + "marketlambda/lake");
    assertThat(base.resolve("marketlambda/oozie/nightly/lib")).isDirectory();

    out.getBuffer().setLength(0);
    assertThat(run("layout", "apply", "--fs", fs)).isZero();
    assertThat(out.toString()).startsWith("0 changes");
    assertThat(run("layout", "verify", "--fs", fs)).isZero();

    Files.delete(base.resolve("marketlambda/lake/_staging/hfiles"));
    out.getBuffer().setLength(0);
    assertThat(run("layout", "verify", "--fs", fs)).isEqualTo(1);
    assertThat(out.toString())
        .isEqualTo(
            "missing file:"
                + base
                + "/marketlambda/lake/_staging/hfiles\n1 differences at "
                + fs
                + "; marketlambda layout apply repairs them\n");
  }

  @Test
  void anFsWithoutSchemeIsABadCommandLine() {
    assertThat(run("layout", "verify", "--fs", "namenode:8020")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot read --fs 'namenode:8020'");
  }

  private int run(String... args) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
