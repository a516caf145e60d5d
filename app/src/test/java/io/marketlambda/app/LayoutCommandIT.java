package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalStackExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.client.HdfsAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code marketlambda layout apply|verify} on the local stack's HDFS (shared by the app's ITs):
 * permissions, owner and group, and name quotas are set, a second apply changes nothing, and drift
 * made behind the layout's back is reported and repaired.
 */
@ExtendWith(LocalStackExtension.class)
class LayoutCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void appliesVerifiesAndRepairsTheLayoutOnHdfs(LocalStackEndpoints endpoints) throws IOException {
    String base = endpoints.hdfsUri() + "/it/layout";
    String[] owner = {"--owner", "marketlambda", "--group", "hadoop"};

    assertThat(run("layout", "apply", "--fs", base, owner[0], owner[1], owner[2], owner[3]))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("quota " + base + "/marketlambda/lake/_checkpoints 100000")
        .contains("lake.root=" + base + "/marketlambda/lake");

    FileSystem fs = FileSystem.get(URI.create(base), new Configuration());
    FileStatus checkpoints = fs.getFileStatus(new Path(base + "/marketlambda/lake/_checkpoints"));
    assertThat(checkpoints.getPermission().toString()).isEqualTo("rwx------");
    assertThat(checkpoints.getOwner()).isEqualTo("marketlambda");
    assertThat(checkpoints.getGroup()).isEqualTo("hadoop");
    assertThat(fs.getQuotaUsage(checkpoints.getPath()).getQuota()).isEqualTo(100_000);

    out.getBuffer().setLength(0);
    assertThat(run("layout", "apply", "--fs", base, owner[0], owner[1], owner[2], owner[3]))
        .isZero();
    assertThat(out.toString()).startsWith("0 changes");

    Path gold = new Path(base + "/marketlambda/lake/gold");
    Path quarantine = new Path(base + "/marketlambda/lake/quarantine");
    fs.setPermission(gold, new FsPermission((short) 0700));
    new HdfsAdmin(URI.create(base), new Configuration()).clearQuota(quarantine);
    out.getBuffer().setLength(0);
    assertThat(run("layout", "verify", "--fs", base, owner[0], owner[1], owner[2], owner[3]))
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("permission " + gold + " is 0700, declared 0755")
        .contains("quota " + quarantine + " is -1, declared 1000000")
        .contains("2 differences");

    assertThat(run("layout", "apply", "--fs", base)).isZero();
    assertThat(run("layout", "verify", "--fs", base, owner[0], owner[1], owner[2], owner[3]))
        .isZero();
  }

  private int run(String... args) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
