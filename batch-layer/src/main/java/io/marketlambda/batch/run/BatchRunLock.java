package io.marketlambda.batch.run;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nightly run at a time on a lake. Two runs at once would replace each other's tables midway (a
 * run reads back what it wrote), and one's VACUUM could delete the other's files before they are
 * committed.
 *
 * <p>The run holds the lock file {@code <lake.root>/_locks/batch-run.lock} from before it reads
 * bronze until after its run record and serving copy. The file names its holder: a random id, the
 * run id, host, process id and when it was taken. The holder shows it is alive by rewriting its own
 * heartbeat file, {@code <lock>.<holder id>.heartbeat}, every quarter of the timeout; only the
 * holder writes it, so no two processes ever write the same file. A lock whose holder was not heard
 * of for {@code batch.lock-timeout} (a run killed with SIGKILL, a lost node) is taken over: moved
 * aside under a name of the taker's (of two takers, one move succeeds), then created anew.
 *
 * <p>Creating the lock is atomic where the file system makes it so: HDFS's create without
 * overwrite, ABFS's conditional create, and a local file created with {@code CREATE_NEW}. Before
 * the run commits what others read (its run record, the serving copy's pointer), it checks that the
 * lock still names it ({@link #requireHeld}).
 */
public final class BatchRunLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchRunLock.class);

  /** The lock's name under {@code _locks}. */
  public static final String NAME = "batch-run";

  /** The holder a lock file names. */
  record Holder(String id, String runId, String host, String pid, Instant acquired) {
    String describe() {
      return "run " + runId + " (host " + host + ", pid " + pid + ", since " + acquired + ")";
    }

    byte[] bytes() {
      return String.join(
              "\n",
              "holder=" + id,
              "run=" + runId,
              "host=" + host,
              "pid=" + pid,
              "acquired=" + acquired,
              "")
          .getBytes(StandardCharsets.UTF_8);
    }

    static Holder parse(byte[] bytes) {
      Properties properties = new Properties();
      try {
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Instant acquired;
      try {
        acquired = Instant.parse(properties.getProperty("acquired", ""));
      } catch (java.time.format.DateTimeParseException e) {
        acquired = Instant.EPOCH;
      }
      return new Holder(
          properties.getProperty("holder", "?"),
          properties.getProperty("run", "?"),
          properties.getProperty("host", "?"),
          properties.getProperty("pid", "?"),
          acquired);
    }
  }

  private final FileSystem fs;
  private final Path lock;
  private final Holder holder;
  private final ScheduledExecutorService heartbeat;

  private BatchRunLock(FileSystem fs, Path lock, Holder holder, Duration timeout) {
    this.fs = fs;
    this.lock = lock;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "batch-run-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long period = Math.max(1, timeout.toMillis() / 4);
    heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock for a run, taking over one whose holder was not heard of for {@code timeout}.
   *
   * @param lockUri the lock file ({@code LakeLayout.lock(NAME)})
   * @param progress told when a stale lock is taken over
   * @throws BatchRunLockedException when another run holds the lock and was heard of within {@code
   *     timeout}, naming it, the lock file and how long ago it was heard of
   * @throws UncheckedIOException when the file system cannot be reached
   */
  public static BatchRunLock acquire(
      URI lockUri,
      Configuration hadoop,
      String runId,
      Duration timeout,
      Clock clock,
      Consumer<String> progress) {
    try {
      FileSystem fs = FileSystem.get(lockUri, hadoop);
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRaw(); // no .crc files beside the lock
      }
      Path lock = new Path(lockUri);
      fs.mkdirs(lock.getParent());
      Holder me =
          new Holder(
              UUID.randomUUID().toString(),
              runId,
              host(),
              String.valueOf(ProcessHandle.current().pid()),
              clock.instant());
      for (int attempt = 0; attempt < 5; attempt++) {
        boolean created;
        try {
          created = createNew(fs, lock, me.bytes());
        } catch (IOException e) {
          created = false; // e.g. HDFS's close failing after the create: the read below decides
        }
        Optional<Holder> held = created ? Optional.of(me) : readWritten(fs, lock);
        if (held.isEmpty()) {
          continue; // released between our create and our read
        }
        if (held.get().id().equals(me.id())) {
          try {
            writeHeartbeat(fs, heartbeatOf(lock, me.id()));
          } catch (IOException e) {
            fs.delete(lock, false); // no heartbeat, no lock: a rerun must not wait for it
            throw e;
          }
          return new BatchRunLock(fs, lock, me, timeout);
        }
        Duration silent = Duration.ofMillis(clock.millis() - lastHeard(fs, lock, held.get()));
        if (silent.compareTo(timeout) < 0) {
          throw new BatchRunLockedException(
              String.format(
                  Locale.ROOT,
                  "Cannot start batch run %s: %s holds the lock %s and was heard of %d s ago. Wait"
                      + " for it to end; a holder not heard of for batch.lock-timeout=%s (killed)"
                      + " is taken over",
                  runId,
                  held.get().describe(),
                  lock,
                  Math.max(0, silent.toSeconds()),
                  io.marketlambda.core.config.Durations.format(timeout)));
        }
        takeOver(fs, lock, held.get(), me, silent, progress);
      }
      throw new BatchRunLockedException(
          "Cannot start batch run " + runId + ": the lock " + lock + " changed hands 5 times");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take the batch run lock " + lockUri, e);
    }
  }

  /**
   * @throws IllegalStateException when the lock no longer names this run: it was taken over (this
   *     run was not heard of for the timeout) or removed by hand
   */
  public void requireHeld() {
    Optional<Holder> now;
    try {
      now = read(fs, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the batch run lock " + lock, e);
    }
    if (now.isEmpty() || !now.get().id().equals(holder.id())) {
      throw new IllegalStateException(
          "Batch run "
              + holder.runId()
              + " lost the lock "
              + lock
              + (now.isEmpty() ? ": it was removed" : " to " + now.get().describe())
              + "; it stops before committing its run record");
    }
  }

  /** Stops the heartbeat and deletes the lock when it still names this run. */
  @Override
  public void close() {
    heartbeat.shutdown();
    try {
      // A beat under way would write the heartbeat again after it was deleted below.
      heartbeat.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Optional<Holder> now = read(fs, lock);
      if (now.isPresent() && now.get().id().equals(holder.id())) {
        fs.delete(lock, false);
      }
      fs.delete(heartbeatOf(lock, holder.id()), false);
    } catch (IOException e) {
      log.warn("Cannot release the batch run lock {}: {}", lock, e.toString());
    }
  }

  private void beat() {
    try {
      writeHeartbeat(fs, heartbeatOf(lock, holder.id()));
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot refresh the batch run lock's heartbeat beside {}: {}", lock, e.toString());
    }
  }

  /**
   * Moves the stale lock aside under a name of ours: of two takers one move succeeds. A lock that
   * changed holder since it was read (another taker was quicker) is put back.
   */
  private static void takeOver(
      FileSystem fs, Path lock, Holder stale, Holder me, Duration silent, Consumer<String> progress)
      throws IOException {
    Path aside = lock.suffix("." + me.id() + ".stale");
    try {
      if (!fs.rename(lock, aside)) {
        return; // another taker moved it first; try again
      }
    } catch (FileNotFoundException e) {
      return; // the same, where the local file system says so with an exception
    }
    Optional<Holder> moved = read(fs, aside);
    if (moved.isPresent() && !moved.get().id().equals(stale.id())) {
      // A fresh lock of a quicker taker: give it back unless a third run took the place.
      if (!createNew(fs, lock, moved.get().bytes())) {
        log.warn("Batch run lock {} was taken while handing it back", lock);
      }
      fs.delete(aside, false);
      return;
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "batch run %s: taking over the lock %s of %s, not heard of for %d s",
            me.runId(),
            lock,
            stale.describe(),
            silent.toSeconds()));
    fs.delete(aside, false);
    fs.delete(heartbeatOf(lock, stale.id()), false);
  }

  /** The holder's last heartbeat, or when the lock was written if it has none. */
  private static long lastHeard(FileSystem fs, Path lock, Holder holder) throws IOException {
    try {
      return fs.getFileStatus(heartbeatOf(lock, holder.id())).getModificationTime();
    } catch (FileNotFoundException e) {
      try {
        return fs.getFileStatus(lock).getModificationTime();
      } catch (FileNotFoundException gone) {
        return 0;
      }
    }
  }

  private static Path heartbeatOf(Path lock, String holderId) {
    return lock.suffix("." + holderId + ".heartbeat");
  }

  private static void writeHeartbeat(FileSystem fs, Path file) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(Instant.now().toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Creates the file only if it does not exist, atomically; false when it exists. */
  private static boolean createNew(FileSystem fs, Path file, byte[] content) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local create checks, then opens: not atomic. CREATE_NEW is.
      try {
        Files.write(
            java.nio.file.Path.of(file.toUri()),
            content,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // some file systems say so with a plain IOException
      }
      throw e;
    }
  }

  /**
   * The holder a lock names, read again once after a moment when its content is not all there yet
   * (a create and its write are two steps).
   */
  private static Optional<Holder> readWritten(FileSystem fs, Path file) throws IOException {
    Optional<Holder> held = read(fs, file);
    if (held.isPresent() && held.get().id().equals("?")) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      held = read(fs, file);
    }
    return held;
  }

  private static Optional<Holder> read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return Optional.of(Holder.parse(bytes.toByteArray()));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }
}
