package io.marketlambda.bench.batch;

import io.marketlambda.batch.run.BatchJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Where a batch run's Spark time goes, from Spark's own stage metrics: each completed stage's task
 * time, CPU time, shuffle and spill, summed per step of the run ({@link BatchJob#STEP_PROPERTY}: a
 * table's computation and write, maintenance, run record, serving copy). Task time is the sum over
 * tasks (on 2 cores it is up to twice the wall time).
 */
final class StepMetrics extends SparkListener {
  /** Totals of one step or stage: milliseconds and bytes. */
  static final class Totals {
    long tasks;
    long runMillis;
    long cpuMillis;
    long gcMillis;
    long shuffleWriteBytes;
    long spillBytes;
    long inputRecords;

    void add(StageInfo stage) {
      TaskMetrics metrics = stage.taskMetrics();
      tasks += stage.numTasks();
      runMillis += metrics.executorRunTime();
      cpuMillis += metrics.executorCpuTime() / 1_000_000;
      gcMillis += metrics.jvmGCTime();
      shuffleWriteBytes += metrics.shuffleWriteMetrics().bytesWritten();
      spillBytes += metrics.diskBytesSpilled();
      inputRecords += metrics.inputMetrics().recordsRead();
    }
  }

  private final Map<Integer, String> stepOfStage = new ConcurrentHashMap<>();
  private final Map<String, Totals> steps = new LinkedHashMap<>();
  private final AtomicInteger runningJobs = new AtomicInteger();

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    runningJobs.incrementAndGet();
    String step =
        jobStart.properties() == null
            ? null
            : jobStart.properties().getProperty(BatchJob.STEP_PROPERTY);
    String name = step == null ? "(outside the steps)" : step;
    scala.collection.Iterator<Object> ids = jobStart.stageIds().iterator();
    while (ids.hasNext()) {
      stepOfStage.putIfAbsent((Integer) ids.next(), name);
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    runningJobs.decrementAndGet();
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo stage = completed.stageInfo();
    String step = stepOfStage.getOrDefault(stage.stageId(), "(outside the steps)");
    steps.computeIfAbsent(step, key -> new Totals()).add(stage);
  }

  /** Waits (up to 10 s) for the listener bus to deliver the end of every job started. */
  void awaitQuiet() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (runningJobs.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      Thread.sleep(200); // the stage events of the last job come just before its end
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The report lines since the last {@link #reset}: one per step. */
  synchronized List<String> report() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-26s %8s %8s %7s %10s %9s",
            "step (Spark stage metrics)",
            "task s",
            "cpu s",
            "gc s",
            "shuffle MB",
            "spill MB"));
    for (Map.Entry<String, Totals> entry : steps.entrySet()) {
      Totals t = entry.getValue();
      lines.add(line(entry.getKey(), t));
    }
    return lines;
  }

  synchronized void reset() {
    steps.clear();
  }

  private static String line(String name, Totals t) {
    String shown = name.length() > 26 ? name.substring(0, 25) + "~" : name;
    return String.format(
        Locale.ROOT,
        "  %-26s %8.1f %8.1f %7.1f %10.1f %9.1f",
        shown,
        t.runMillis / 1e3,
        t.cpuMillis / 1e3,
        t.gcMillis / 1e3,
        t.shuffleWriteBytes / 1e6,
        t.spillBytes / 1e6);
  }
}
