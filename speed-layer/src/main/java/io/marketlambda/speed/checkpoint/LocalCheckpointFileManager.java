package io.marketlambda.speed.checkpoint;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.sql.execution.streaming.CheckpointFileManager;

/**
 * Spark's checkpoint file manager ({@code spark.sql.streaming.checkpointFileManagerClass}) for
 * checkpoints on the local file system, through {@code java.nio}; on any other file system (HDFS,
 * ADLS, S3) it hands over to Spark's own manager.
 *
 * <p>Why: without Hadoop's native library (which no Maven artifact ships), Hadoop's local file
 * system starts a process for every {@code chmod} and {@code readlink} it does, and a checkpoint
 * commit does several: measured here, 75 processes in 8 s and 250-500 ms for each of the offset
 * log, commit log and RocksDB changelog writes of every micro-batch, most of a speed-layer
 * micro-batch. This manager writes the same files with the same guarantees: a file appears
 * atomically, whole (written to a temporary file beside it, forced to disk, then renamed; without
 * overwrite, linked so that an existing file is never replaced and the writer gets {@link
 * org.apache.hadoop.fs.FileAlreadyExistsException}, as Spark's metadata logs expect).
 */
public final class LocalCheckpointFileManager implements CheckpointFileManager {
  /** The Spark setting that selects a checkpoint file manager. */
  public static final String SETTING = "spark.sql.streaming.checkpointFileManagerClass";

  private final Path root;
  private final Configuration conf;
  private final CheckpointFileManager other;

  /** Called by Spark with the checkpoint's root and the Hadoop configuration. */
  public LocalCheckpointFileManager(Path root, Configuration conf) {
    this.root = root;
    this.conf = conf;
    String scheme = root.toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(conf).getScheme();
    }
    this.other = "file".equals(scheme) ? null : spark(root, conf);
  }

  /** Spark's own choice, as {@code CheckpointFileManager.create} makes it without this class. */
  private static CheckpointFileManager spark(Path root, Configuration conf) {
    try {
      return new org.apache.spark.sql.execution.streaming.FileContextBasedCheckpointFileManager(
          root, conf);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof UnsupportedFileSystemException
          || e instanceof UnsupportedOperationException) {
        return new org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager(
            root, conf);
      }
      throw e;
    }
  }

  private static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }

  @Override
  public CancellableFSDataOutputStream createAtomic(Path path, boolean overwriteIfPossible) {
    if (other != null) {
      return other.createAtomic(path, overwriteIfPossible);
    }
    java.nio.file.Path target = local(path);
    java.nio.file.Path temporary =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new AtomicFile(channel, temporary, target, overwriteIfPossible);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create checkpoint file " + target, e);
    }
  }

  /** Written to a temporary file; {@link #close()} forces it to disk and moves it in place. */
  private static final class AtomicFile extends CancellableFSDataOutputStream {
    private final FileChannel channel;
    private final java.nio.file.Path temporary;
    private final java.nio.file.Path target;
    private final boolean overwrite;
    private boolean done;

    AtomicFile(
        FileChannel channel,
        java.nio.file.Path temporary,
        java.nio.file.Path target,
        boolean overwrite) {
      super(Channels.newOutputStream(channel));
      this.channel = channel;
      this.temporary = temporary;
      this.target = target;
      this.overwrite = overwrite;
    }

    @Override
    public synchronized void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        flush();
        channel.force(true);
        super.close();
        if (overwrite) {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } else {
          try {
            Files.createLink(target, temporary);
          } catch (FileAlreadyExistsException e) {
            throw new org.apache.hadoop.fs.FileAlreadyExistsException(
                "Cannot write checkpoint file " + target + ": it exists");
          }
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    }

    @Override
    public synchronized void cancel() {
      if (done) {
        return;
      }
      done = true;
      try {
        OutputStream out = underlyingStream();
        out.close();
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot cancel checkpoint file " + target, e);
      }
    }
  }

  @Override
  public FSDataInputStream open(Path path) {
    if (other != null) {
      return other.open(path);
    }
    try {
      if (!Files.isRegularFile(local(path))) {
        throw new FileNotFoundException("Cannot open checkpoint file " + path + ": not found");
      }
      return FileSystem.getLocal(conf).getRaw().open(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public FileStatus[] list(Path path, PathFilter filter) {
    if (other != null) {
      return other.list(path, filter);
    }
    java.nio.file.Path directory = local(path);
    List<FileStatus> statuses = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.list(directory)) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
        Path child = new Path(path, file.getFileName().toString());
        if (filter.accept(child)) {
          try {
            boolean isDirectory = Files.isDirectory(file);
            statuses.add(
                new FileStatus(
                    isDirectory ? 0 : Files.size(file),
                    isDirectory,
                    1,
                    32 * 1024 * 1024,
                    Files.getLastModifiedTime(file).toMillis(),
                    child));
          } catch (NoSuchFileException gone) {
            // Deleted while listing (a cleanup): not there.
          }
        }
      }
    } catch (NoSuchFileException e) {
      return new FileStatus[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list checkpoint directory " + directory, e);
    }
    return statuses.toArray(new FileStatus[0]);
  }

  @Override
  public void mkdirs(Path path) {
    if (other != null) {
      other.mkdirs(path);
      return;
    }
    try {
      Files.createDirectories(local(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create checkpoint directory " + path, e);
    }
  }

  @Override
  public boolean exists(Path path) {
    return other != null ? other.exists(path) : Files.exists(local(path));
  }

  @Override
  public void delete(Path path) {
    if (other != null) {
      other.delete(path);
      return;
    }
    java.nio.file.Path file = local(path);
    try {
      if (Files.isDirectory(file)) {
        try (Stream<java.nio.file.Path> tree = Files.walk(file)) {
          for (java.nio.file.Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(each);
          }
        }
      } else {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete checkpoint file " + path, e);
    }
  }

  @Override
  public boolean isLocal() {
    return other == null || other.isLocal();
  }

  @Override
  public Path createCheckpointDirectory() {
    if (other != null) {
      return other.createCheckpointDirectory();
    }
    mkdirs(root);
    try {
      return FileSystem.getLocal(conf).makeQualified(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
