package io.marketlambda.bench.speed;

import io.marketlambda.bench.speed.SpeedBenchmark.Step;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The report {@link SpeedBenchmark} prints: one table row per step, then the figures that matter.
 */
final class SpeedReport {
  private final Consumer<String> out;
  private final List<Integer> rates;
  private final boolean withBaseline;

  SpeedReport(Consumer<String> out, List<Integer> rates, boolean withBaseline) {
    this.out = out;
    this.rates = rates;
    this.withBaseline = withBaseline;
  }

  /**
   * Prints the table, the sustained rates and their ratio, the latencies at half the sustained rate
   * and against the baseline, and the memory figures.
   */
  void print(
      List<Step> steps, long baselinePeakRss, long peakRss, long heapBefore, long heapAfter) {
    table(steps);
    sustained(steps);
    out.accept(
        String.format(
            Locale.ROOT,
            "peak RSS of this JVM: %,d MiB before the speed layer started, %,d MiB after it"
                + " (Spark local[*] in the same JVM); heap after a full GC: %,d MiB when the speed"
                + " layer's first measured step started, %,d MiB after its last",
            baselinePeakRss >> 20,
            peakRss >> 20,
            heapBefore >> 20,
            heapAfter >> 20));
  }

  private void table(List<Step> steps) {
    out.accept("");
    out.accept(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s |",
            "pipeline",
            "offered/s",
            "latest quote/s",
            "quote p50 ms",
            "quote p99 ms",
            "views/s",
            "1m bar p50 ms",
            "1m bar p99 ms",
            "kept up"));
    out.accept("|---|---|---|---|---|---|---|---|---|");
    for (Step step : steps) {
      out.accept(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,.0f | %,.1f | %,.1f | %s | %s | %s | %s |",
              step.pipeline(),
              step.offeredPerSecond(),
              step.processedPerSecond(),
              step.p50Millis(),
              step.p99Millis(),
              perSecond(step.barsPerSecond()),
              millis(step.barP50Millis()),
              millis(step.barP99Millis()),
              step.sustained() ? "yes" : "no"));
    }
    out.accept(
        "latest quote: speed-latest-quote (baseline: its loop); views: speed-views, which makes the"
            + " 1m/5m/15m/1h bars, indicators and alerts; kept up: every path >= 90 % of the"
            + " offered rate, every marker seen, <= "
            + Step.BACKLOG_SECONDS
            + " s of input left at the end of the step");
    out.accept("");
  }

  private void sustained(List<Step> steps) {
    double speedMax = sustainedMax(steps, "speed");
    double baselineMax = sustainedMax(steps, "baseline");
    String ratio;
    if (!withBaseline) {
      ratio = "no baseline measured (--no-baseline)";
    } else if (baselineMax == 0) {
      ratio = "ratio - (the baseline kept up with no rate tried)";
    } else {
      ratio =
          String.format(
              Locale.ROOT,
              "baseline %,.0f quotes/s, ratio %.2f (highest offered rate each kept up with; the"
                  + " baseline's bound is the highest rate tried)",
              baselineMax,
              speedMax / baselineMax);
    }
    out.accept(
        String.format(
            Locale.ROOT,
            "sustained: speed layer %,.0f quotes/s (every path), %s",
            speedMax,
            ratio));
    steps.stream()
        .filter(step -> step.pipeline().equals("speed") && step.offeredPerSecond() <= speedMax / 2)
        .max(Comparator.comparingInt(Step::offeredPerSecond))
        .ifPresentOrElse(
            half ->
                out.accept(
                    String.format(
                        Locale.ROOT,
                        "at %,d quotes/s (the highest rate tried <= half the sustained):"
                            + " latest quote p50 %.1f ms p99 %.1f ms; 1m bar p50 %.1f ms p99"
                            + " %.1f ms",
                        half.offeredPerSecond(),
                        half.p50Millis(),
                        half.p99Millis(),
                        half.barP50Millis(),
                        half.barP99Millis())),
            () ->
                out.accept(
                    "at half the sustained rate: no step tried there (add a rate to --rates)"));
    againstTheBaseline(steps);
  }

  private void againstTheBaseline(List<Step> steps) {
    for (int rate : withBaseline ? rates : List.<Integer>of()) {
      Step speed = find(steps, "speed", rate);
      Step baseline = find(steps, "baseline", rate);
      out.accept(
          String.format(
              Locale.ROOT,
              "at %,d quotes/s: latest quote p50 %.1f vs %.1f ms (ratio %.1f), p99 %.1f vs %.1f ms"
                  + " (ratio %.1f)",
              rate,
              speed.p50Millis(),
              baseline.p50Millis(),
              speed.p50Millis() / baseline.p50Millis(),
              speed.p99Millis(),
              baseline.p99Millis(),
              speed.p99Millis() / baseline.p99Millis()));
    }
  }

  static String millis(double millis) {
    return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%,.1f", millis);
  }

  static String perSecond(double rate) {
    return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%,.0f", rate);
  }

  private static double sustainedMax(List<Step> steps, String pipeline) {
    return steps.stream()
        .filter(step -> step.pipeline().equals(pipeline) && step.sustained())
        .mapToDouble(Step::offeredPerSecond)
        .max()
        .orElse(0);
  }

  private static Step find(List<Step> steps, String pipeline, int rate) {
    return steps.stream()
        .filter(step -> step.pipeline().equals(pipeline) && step.offeredPerSecond() == rate)
        .findFirst()
        .orElseThrow();
  }
}
