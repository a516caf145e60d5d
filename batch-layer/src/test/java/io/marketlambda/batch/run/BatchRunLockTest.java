package io.marketlambda.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BatchRunLock} on the local file system, as the lake on local disk uses it. */
class BatchRunLockTest {
  private static final Configuration HADOOP = new Configuration();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path lake;

  @Test
  void aSecondRunIsRefusedNamingTheFirstAndMayStartOnceTheFirstReleased() {
    URI lock = lock();
    BatchRunLock first = acquire("2013-10-04-A", TIMEOUT, line -> {});

    assertThatThrownBy(() -> acquire("2013-10-04-B", TIMEOUT, line -> {}))
        .isInstanceOf(BatchRunLockedException.class)
        .hasMessageContaining("Cannot start batch run 2013-10-04-B")
        .hasMessageContaining("run 2013-10-04-A (host ")
        .hasMessageContaining("pid " + ProcessHandle.current().pid())
        .hasMessageContaining(Path.of(lock).toString())
        .hasMessageContaining("batch.lock-timeout=2m");
    first.requireHeld();

    first.close();
    assertThat(Path.of(lock)).doesNotExist();
    assertThat(siblings()).isEmpty();
    try (BatchRunLock second = acquire("2013-10-04-B", TIMEOUT, line -> {})) {
      second.requireHeld();
    }
  }

  @Test
  void ofRunsStartedAtOnceExactlyOneHoldsTheLock() throws Exception {
    int runs = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    List<Future<BatchRunLock>> attempts = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = "run-" + i;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                return acquire(runId, TIMEOUT, line -> {});
              }));
    }
    start.countDown();
    List<BatchRunLock> held = new ArrayList<>();
    int refused = 0;
    for (Future<BatchRunLock> attempt : attempts) {
      try {
        held.add(attempt.get());
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(BatchRunLockedException.class);
        refused++;
      }
    }
    pool.shutdown();

    assertThat(held).hasSize(1);
    assertThat(refused).isEqualTo(runs - 1);
    held.get(0).close();
  }

  @Test
  void aLockWhoseHolderWasKilledIsTakenOverAfterTheTimeout() throws Exception {
    // What a run killed with SIGKILL leaves: its lock and heartbeat, last written 3 minutes ago.
    Path lock = Path.of(lock());
    Files.createDirectories(lock.getParent());
    Files.writeString(
        lock,
        "holder=dead\nrun=2013-10-03-killed\nhost=node-7\npid=4242\nacquired=2013-10-04T02:00:00Z\n",
        StandardCharsets.UTF_8);
    Path heartbeat = lock.resolveSibling(lock.getFileName() + ".dead.heartbeat");
    Files.writeString(heartbeat, "2013-10-04T02:00:30Z");
    FileTime threeMinutesAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(3)));
    Files.setLastModifiedTime(lock, threeMinutesAgo);
    Files.setLastModifiedTime(heartbeat, threeMinutesAgo);
    List<String> progress = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> acquire("2013-10-04-early", Duration.ofMinutes(5), line -> {}))
        .isInstanceOf(BatchRunLockedException.class)
        .hasMessageContaining("run 2013-10-03-killed (host node-7, pid 4242");
    try (BatchRunLock rerun = acquire("2013-10-04-rerun", TIMEOUT, progress::add)) {
      rerun.requireHeld();
      assertThat(Files.readString(lock)).contains("run=2013-10-04-rerun");
      assertThat(heartbeat).doesNotExist();
    }
    assertThat(progress)
        .singleElement()
        .asString()
        .contains("batch run 2013-10-04-rerun: taking over the lock")
        .contains("of run 2013-10-03-killed (host node-7, pid 4242")
        .contains("not heard of for 180 s");
  }

  @Test
  void aLiveHolderKeepsItsLockByItsHeartbeatPastTheTimeout() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    try (BatchRunLock live = acquire("2013-10-04-live", timeout, line -> {})) {
      Thread.sleep(2_500); // beats every 250 ms
      assertThatThrownBy(() -> acquire("2013-10-04-other", timeout, line -> {}))
          .isInstanceOf(BatchRunLockedException.class)
          .hasMessageContaining("run 2013-10-04-live");
      live.requireHeld();
    }
  }

  @Test
  void aRunThatLostItsLockSaysSoAndLeavesTheNewHoldersLock() throws Exception {
    Path lock = Path.of(lock());
    BatchRunLock slow = acquire("2013-10-04-slow", TIMEOUT, line -> {});
    String taker =
        "holder=taker\nrun=2013-10-04-taker\nhost=node-2\npid=7\nacquired=2013-10-04T03:00:00Z\n";
    Files.writeString(lock, taker);

    assertThatThrownBy(slow::requireHeld)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Batch run 2013-10-04-slow lost the lock file:" + lock)
        .hasMessageEndingWith(
            " to run 2013-10-04-taker (host node-2, pid 7, since 2013-10-04T03:00:00Z); it stops"
                + " before committing its run record");
    slow.close();
    assertThat(Files.readString(lock)).isEqualTo(taker);
  }

  @Test
  void aLockTimeoutUnderASecondIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                BatchConfig.lakeOnly(
                        new io.marketlambda.core.config.LakeConfig(
                            io.marketlambda.core.lake.LakeLayout.of(lake.toString())),
                        10,
                        false,
                        Duration.ZERO)
                    .withLockTimeout(Duration.ofMillis(10)))
        .hasMessage("Cannot use batch.lock-timeout=10ms: give at least 1s");
  }

  private URI lock() {
    return io.marketlambda.core.lake.LakeLayout.of(lake.toString()).lock(BatchRunLock.NAME);
  }

  private List<Path> siblings() {
    try (var files = Files.list(Path.of(lock()).getParent())) {
      return files.toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private BatchRunLock acquire(
      String runId, Duration timeout, java.util.function.Consumer<String> progress) {
    return BatchRunLock.acquire(lock(), HADOOP, runId, timeout, Clock.systemUTC(), progress);
  }
}
