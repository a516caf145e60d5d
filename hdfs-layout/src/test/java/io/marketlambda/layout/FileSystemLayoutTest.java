package io.marketlambda.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply and verify on local disk ({@code file://}), checked with java.nio, not Hadoop. */
class FileSystemLayoutTest {
  private final DeclaredLayout layout = DeclaredLayout.load();

  @Test
  void applyCreatesEveryDirectoryWithItsPermissionAndASecondApplyChangesNothing(@TempDir Path base)
      throws IOException {
    FileSystemLayout fs = local(base);

    assertThat(fs.verify())
        .hasSize(layout.entries().size())
        .allMatch(d -> d.startsWith("missing "));
    assertThat(fs.apply()).hasSize(layout.entries().size()).allMatch(c -> c.startsWith("created "));

    assertThat(base.resolve("marketlambda/lake/gold/bars_daily")).isDirectory();
    assertThat(posix(base.resolve("marketlambda/lake/_checkpoints"))).isEqualTo("rwx------");
    assertThat(posix(base.resolve("marketlambda/lake/bronze"))).isEqualTo("rwxr-x---");
    assertThat(posix(base.resolve("marketlambda/lake/_staging/hfiles"))).isEqualTo("rwxrwxrwx");
    assertThat(fs.apply()).isEmpty();
    assertThat(fs.verify()).isEmpty();
    assertThat(Path.of(fs.lakeRoot())).isEqualTo(base.resolve("marketlambda/lake"));
  }

  @Test
  void verifyReportsMissingDirectoriesAndChangedPermissionsAndApplyRepairsThem(@TempDir Path base)
      throws IOException {
    FileSystemLayout fs = local(base);
    fs.apply();
    Files.delete(base.resolve("marketlambda/conf"));
    Files.setPosixFilePermissions(
        base.resolve("marketlambda/lake/quarantine"), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(fs.verify())
        .containsExactly(
            "missing file:" + base + "/marketlambda/conf",
            "permission file:" + base + "/marketlambda/lake/quarantine is 0777, declared 0750");

    assertThat(fs.apply())
        .containsExactly(
            "created file:" + base + "/marketlambda/conf 0750",
            "chmod file:" + base + "/marketlambda/lake/quarantine 0750 (was 0777)");
    assertThat(fs.verify()).isEmpty();
  }

  @Test
  void aFileWhereADirectoryBelongsIsReportedAndNotReplaced(@TempDir Path base) throws IOException {
    Files.createDirectories(base.resolve("marketlambda"));
    Files.writeString(base.resolve("marketlambda/conf"), "not a directory");
    FileSystemLayout fs = local(base);

    assertThat(fs.verify()).contains("not a directory file:" + base + "/marketlambda/conf");
    assertThatThrownBy(fs::apply)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("marketlambda/conf is a file, not a directory");
    assertThat(Files.readString(base.resolve("marketlambda/conf"))).isEqualTo("not a directory");
  }

  private static FileSystemLayout local(Path base) {
    return new FileSystemLayout(DeclaredLayout.load(), base.toUri(), Ownership.UNMANAGED, Map.of());
  }

  private static String posix(Path directory) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(directory));
  }
}
