package io.marketlambda.speed.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.execution.streaming.CheckpointFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local checkpoint file manager keeps the contract Spark's metadata logs rely on. */
class LocalCheckpointFileManagerTest {
  @TempDir java.nio.file.Path directory;

  private CheckpointFileManager manager() {
    return new LocalCheckpointFileManager(new Path(directory.toUri()), new Configuration());
  }

  @Test
  void aFileAppearsWholeOnlyWhenClosedAndIsReadBack() throws IOException {
    Path file = new Path(directory.toUri().toString() + "offsets/0");
    CheckpointFileManager.CancellableFSDataOutputStream out = manager().createAtomic(file, false);
    out.write("v1\n{}".getBytes(StandardCharsets.UTF_8));
    assertThat(manager().exists(file)).isFalse();

    out.close();

    assertThat(manager().exists(file)).isTrue();
    try (FSDataInputStream in = manager().open(file)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("v1\n{}");
    }
    assertThat(Files.list(directory.resolve("offsets")).map(p -> p.getFileName().toString()))
        .containsExactly("0");
  }

  @Test
  void withoutOverwriteAnExistingFileIsKeptAndTheWriterIsTold() throws IOException {
    Path file = new Path(directory.toUri().toString() + "commits/3");
    try (var out = manager().createAtomic(file, false)) {
      out.write(1);
    }
    var second = manager().createAtomic(file, false);
    second.write(2);

    assertThatThrownBy(second::close).isInstanceOf(FileAlreadyExistsException.class);
    try (FSDataInputStream in = manager().open(file)) {
      assertThat(in.readAllBytes()).containsExactly(1);
    }
    assertThat(Files.list(directory.resolve("commits")).count()).isEqualTo(1);
  }

  @Test
  void overwriteReplacesAndCancelLeavesNothing() throws IOException {
    Path file = new Path(directory.toUri().toString() + "state/1.changelog");
    try (var out = manager().createAtomic(file, true)) {
      out.write(1);
    }
    try (var out = manager().createAtomic(file, true)) {
      out.write(2);
    }
    var cancelled =
        manager().createAtomic(new Path(directory.toUri().toString() + "state/2"), true);
    cancelled.write(3);
    cancelled.cancel();

    FileStatus[] listed = manager().list(new Path(directory.toUri().toString() + "state"));
    assertThat(Arrays.stream(listed).map(status -> status.getPath().getName()))
        .containsExactly("1.changelog");
    try (FSDataInputStream in = manager().open(file)) {
      assertThat(in.readAllBytes()).containsExactly(2);
    }
    manager().delete(new Path(directory.toUri().toString() + "state"));
    assertThat(Files.exists(directory.resolve("state"))).isFalse();
  }

  @Test
  void listingAMissingDirectoryIsEmpty() {
    assertThat(manager().list(new Path(directory.toUri().toString() + "none"))).isEmpty();
  }
}
