package io.marketlambda.core.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakeLayoutTest {
  private static final String HDFS = "hdfs://nn:8020/lake";
  private static final String ABFSS = "abfss://container@account.dfs.core.windows.net/lake";

  @Test
  void relativePathBecomesAnAbsoluteFileUriUnderTheWorkingDirectory() {
    String workingDirectory = System.getProperty("user.dir");

    LakeLayout layout = LakeLayout.of("work/lake");

    assertThat(layout.root().getScheme()).isEqualTo("file");
    assertThat(Path.of(layout.root())).isEqualTo(Path.of(workingDirectory, "work", "lake"));
    assertThat(layout.root().toString()).doesNotEndWith("/");
  }

  @Test
  void absolutePathBecomesAFileUri(@TempDir Path directory) {
    // The directory exists, so Path.toUri() would add a trailing slash; the layout drops it.
    LakeLayout layout = LakeLayout.of(directory.toString());

    assertThat(layout.root())
        .isEqualTo(URI.create("file://" + directory.toUri().getPath().replaceAll("/$", "")));
    assertThat(layout.table(LakeTable.BRONZE_QUOTES))
        .isEqualTo(directory.resolve("bronze").resolve("quotes").toUri());
  }

  @Test
  void fileUriIsKeptAsGiven() {
    assertThat(LakeLayout.of("file:///data/lake").root())
        .isEqualTo(URI.create("file:///data/lake"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {HDFS, HDFS + "/", HDFS + "//", " " + HDFS + " ", "hdfs://nn:8020/x/../lake"})
  void hdfsRootIsNormalisedWithoutTrailingSlash(String root) {
    assertThat(LakeLayout.of(root).root()).isEqualTo(URI.create(HDFS));
    assertThat(LakeLayout.of(root)).isEqualTo(new LakeLayout(URI.create(HDFS)));
  }

  @Test
  void hdfsTablePaths() {
    LakeLayout layout = LakeLayout.of(HDFS);

    assertThat(layout.table(LakeTable.BRONZE_QUOTES))
        .isEqualTo(URI.create(HDFS + "/bronze/quotes"));
    assertThat(layout.table(LakeTable.GOLD_SECTOR_SUMMARY))
        .isEqualTo(URI.create(HDFS + "/gold/sector_summary"));
    assertThat(layout.database(Layer.SILVER)).isEqualTo(URI.create(HDFS + "/silver"));
    assertThat(layout.checkpoint("bars-1m")).isEqualTo(URI.create(HDFS + "/_checkpoints/bars-1m"));
    assertThat(layout.quarantine("lean-tick"))
        .isEqualTo(URI.create(HDFS + "/quarantine/lean-tick"));
    assertThat(layout.batchRuns()).isEqualTo(URI.create(HDFS + "/batch_runs"));
    assertThat(layout.staging("hfiles")).isEqualTo(URI.create(HDFS + "/_staging/hfiles"));
    assertThat(layout.lock("batch-run")).isEqualTo(URI.create(HDFS + "/_locks/batch-run.lock"));
  }

  @Test
  void everyTableLivesInLayerSlashTable() {
    LakeLayout layout = LakeLayout.of(ABFSS + "/");

    for (LakeTable table : LakeTable.values()) {
      String layer = table.qualifiedName().substring(0, table.qualifiedName().indexOf('.'));
      String name = table.qualifiedName().substring(layer.length() + 1);
      assertThat(layout.table(table)).isEqualTo(URI.create(ABFSS + "/" + layer + "/" + name));
    }
  }

  @Test
  void abfssRootKeepsContainerAndAccount() {
    URI quotes = LakeLayout.of(ABFSS).table(LakeTable.BRONZE_QUOTES);

    assertThat(quotes.getScheme()).isEqualTo("abfss");
    assertThat(quotes.getUserInfo()).isEqualTo("container");
    assertThat(quotes.getHost()).isEqualTo("account.dfs.core.windows.net");
    assertThat(quotes.getPath()).isEqualTo("/lake/bronze/quotes");
  }

  @Test
  void allDirectoriesListsEveryFixedPathParentsFirst() {
    LakeLayout layout = LakeLayout.of(HDFS);

    List<URI> directories = layout.allDirectories();

    assertThat(directories).hasSize(1 + 3 + LakeTable.values().length + 3);
    assertThat(new HashSet<>(directories)).hasSameSizeAs(directories);
    assertThat(directories.get(0)).isEqualTo(URI.create(HDFS));
    assertThat(directories)
        .contains(
            URI.create(HDFS + "/bronze"),
            URI.create(HDFS + "/bronze/quotes"),
            URI.create(HDFS + "/gold/top_movers"),
            URI.create(HDFS + "/_checkpoints"),
            URI.create(HDFS + "/quarantine"),
            URI.create(HDFS + "/batch_runs"));
    for (int i = 0; i < directories.size(); i++) {
      String path = directories.get(i).getPath();
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (!directories.get(i).equals(layout.root())) {
        assertThat(directories.subList(0, i).stream().map(URI::getPath)).contains(parent);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3a://bucket/lake", "ftp://host/lake", "HDFS://nn:8020/lake"})
  void rejectsOtherSchemesNamingTheKeyAndValue(String root) {
    String scheme = root.substring(0, root.indexOf(':'));

    assertThatThrownBy(() -> LakeLayout.of(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot use lake.root '"
                + root
                + "': scheme '"
                + scheme
                + "' is not one of [file, hdfs, abfss]");
  }

  @Test
  void rejectsRootsWithoutAUsablePath() {
    assertThatThrownBy(() -> LakeLayout.of("hdfs://nn:8020"))
        .hasMessage("Cannot use lake.root 'hdfs://nn:8020': has no absolute path");
    assertThatThrownBy(() -> LakeLayout.of("hdfs://nn:8020/"))
        .hasMessage(
            "Cannot use lake.root 'hdfs://nn:8020/': is a file-system root; use a directory below it");
    assertThatThrownBy(() -> LakeLayout.of("hdfs://nn:8020/lake?x=1"))
        .hasMessage("Cannot use lake.root 'hdfs://nn:8020/lake?x=1': has a query or fragment");
    assertThatThrownBy(() -> LakeLayout.of(" ")).hasMessage("Cannot use lake.root ' ': is blank");
    assertThatThrownBy(() -> new LakeLayout(null))
        .hasMessage("Cannot use lake.root 'null': is missing");
  }

  @Test
  void rejectsBadCheckpointAndQuarantineNames() {
    LakeLayout layout = LakeLayout.of(HDFS);

    assertThatThrownBy(() -> layout.checkpoint("../escape"))
        .hasMessage(
            "Cannot locate checkpoint: query name '../escape' does not match [a-z0-9][a-z0-9_-]*");
    assertThatThrownBy(() -> layout.checkpoint("Bars.1m"))
        .hasMessageContaining("query name 'Bars.1m'");
    assertThatThrownBy(() -> layout.quarantine("a/b"))
        .hasMessage("Cannot locate quarantine: source 'a/b' does not match [a-z0-9][a-z0-9._-]*");
    assertThatThrownBy(() -> layout.staging("../up"))
        .hasMessageContaining("Cannot locate staging: purpose '../up'");
    assertThatThrownBy(() -> layout.lock("a/b"))
        .hasMessageContaining("Cannot locate lock: name 'a/b'");
  }
}
