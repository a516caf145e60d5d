package io.marketlambda.app;

import io.marketlambda.core.model.MarketTime;
import io.marketlambda.ingest.replay.Replay;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work (the replay, the import, the batch) on the console, each task a progress
 * bar rendered by <a href="https://github.com/ctongfei/progressbar">progressbar</a>: count, total
 * (or {@code ?} when unknown), rate, elapsed time and ETA, and a message.
 *
 * <p>On a terminal the bars of the running tasks stay at the bottom of the screen and are redrawn
 * in place twice a second; the command's own lines, written to {@link #lines()}, are printed above
 * them, and a finished task leaves its last bar as a line. Anywhere else (a pipe, a file, a test's
 * writer) each task prints its bar as a plain line every {@value #LINE_EVERY_SECONDS} s while it
 * advances, and once when it ends.
 */
final class ConsoleProgress {
  static final int LINE_EVERY_SECONDS = 5;
  private static final int REDRAW_EVERY_MILLIS = 500;
  private static final int MESSAGE_LENGTH = 40;
  private static final String ESCAPE = "\u001b[";
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ROOT);

  private final PrintWriter out;
  private final boolean terminal;
  private final int width;
  private final List<Task> running = new ArrayList<>();
  private int drawn; // lines of bars on the screen below the last printed line

  /**
   * @param out where the lines and bars go
   * @param terminal whether {@code out} is a terminal that takes ANSI cursor movement
   * @param width the terminal's width in columns; bars are cut to it
   */
  ConsoleProgress(PrintWriter out, boolean terminal, int width) {
    this.out = out;
    this.terminal = terminal;
    this.width = Math.max(40, width);
  }

  /** For {@code out}: bars in place when standard output is a terminal, plain lines otherwise. */
  static ConsoleProgress of(PrintWriter out) {
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return new ConsoleProgress(out, terminal, terminal ? terminalWidth() : 100);
  }

  /** The command's own lines: printed above the bars (or as they are, without a terminal). */
  PrintWriter lines() {
    if (!terminal) {
      return out;
    }
    return new PrintWriter(new LineWriter(this::println), true);
  }

  /**
   * On a terminal, sends what is written to {@code System.err} from now on (log lines: the console
   * appender of {@code conf/log4j2.xml} follows it) through {@link #println}, above the bars, so
   * that it does not land in the middle of them.
   */
  void captureStandardError() {
    if (terminal) {
      java.nio.charset.Charset charset = java.nio.charset.Charset.defaultCharset();
      System.setErr(
          new java.io.PrintStream(new LineOutputStream(this::println, charset), true, charset));
    }
  }

  /** Ends every task still running (work cut short): each last state stays as a line. */
  void closeAll() {
    List<Task> left;
    synchronized (this) {
      left = List.copyOf(running);
    }
    left.forEach(Task::close);
  }

  /** Prints {@code line} above the bars. */
  synchronized void println(String line) {
    clearBars();
    out.println(line);
    drawBars();
    out.flush();
  }

  /**
   * Starts a task.
   *
   * @param name shown first on its bar
   * @param total the count it ends at, or a negative number when unknown
   * @param unit what is counted, e.g. {@code events}
   */
  Task start(String name, long total, String unit) {
    return new Task(name, total, unit, true);
  }

  /** A task whose rate means little (a few uneven steps): no rate shown. */
  Task startSteps(String name, String unit) {
    return new Task(name, -1, unit, false);
  }

  /** One task's bar; {@link #close()} ends it. */
  final class Task implements AutoCloseable {
    private final ProgressBar bar;
    private volatile String rendered;

    private Task(String name, long total, String unit, boolean speed) {
      this.rendered = name;
      synchronized (ConsoleProgress.this) {
        running.add(this);
      }
      Consumer<String> show =
          terminal
              ? text -> redraw(this, text)
              : text -> {
                synchronized (ConsoleProgress.this) {
                  if (!text.equals(rendered)) { // the final state comes twice when it ends
                    rendered = text;
                    out.println(text);
                    out.flush();
                  }
                }
              };
      ProgressBarBuilder builder =
          new ProgressBarBuilder()
              .setTaskName(name)
              .setInitialMax(total)
              .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(terminal ? REDRAW_EVERY_MILLIS : LINE_EVERY_SECONDS * 1000)
              .setConsumer(new DelegatingProgressBarConsumer(show, width - 1))
              .setUnit(" " + unit, 1);
      if (speed) {
        builder.showSpeed(new java.text.DecimalFormat("#,##0"));
      }
      this.bar = builder.build();
    }

    /** The count reached so far. */
    void stepTo(long count) {
      bar.stepTo(count);
    }

    /** One more. */
    void step() {
      bar.step();
    }

    /** The total, once known or changed. */
    void total(long total) {
      bar.maxHint(total);
    }

    /** A short message after the figures, e.g. the event time reached or the step under way. */
    void message(String message) {
      bar.setExtraMessage(
          " "
              + (message.length() > MESSAGE_LENGTH
                  ? message.substring(0, MESSAGE_LENGTH)
                  : message));
    }

    /** A replay's progress: events of the total, and the event time reached in New York. */
    void replayed(Replay.Progress done) {
      done.expected().ifPresent(this::total);
      stepTo(done.events());
      message(
          "event time "
              + EVENT_TIME.format(done.eventTime().atZone(MarketTime.MARKET_ZONE))
              + " NY");
    }

    /** Ends the bar: its final state is printed once more and stays as a line. */
    @Override
    public void close() {
      bar.close();
      synchronized (ConsoleProgress.this) {
        if (!running.remove(this) || !terminal) {
          return;
        }
        clearBars();
        out.println(rendered);
        drawBars();
        out.flush();
      }
    }
  }

  private synchronized void redraw(Task task, String text) {
    task.rendered = text;
    if (!running.contains(task)) {
      return;
    }
    clearBars();
    drawBars();
    out.flush();
  }

  /** Moves to the first bar's line and clears from there to the end of the screen. */
  private void clearBars() {
    if (drawn > 0) {
      out.print(ESCAPE + drawn + "F" + ESCAPE + "J");
      drawn = 0;
    }
  }

  private void drawBars() {
    for (Task task : running) {
      out.println(task.rendered); // progressbar cuts it to the width
      drawn++;
    }
  }

  private static int terminalWidth() {
    try (org.jline.terminal.Terminal terminal =
        org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
      int columns = terminal.getWidth();
      return columns > 0 ? columns : 100;
    } catch (java.io.IOException | RuntimeException e) {
      return 100;
    }
  }

  /** Hands each complete line of bytes written to it, decoded, to a consumer. */
  private static final class LineOutputStream extends java.io.OutputStream {
    private final Consumer<String> lines;
    private final java.nio.charset.Charset charset;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    LineOutputStream(Consumer<String> lines, java.nio.charset.Charset charset) {
      this.lines = lines;
      this.charset = charset;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String line = pending.toString(charset);
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        pending.reset();
      } else {
        pending.write(b);
      }
    }
  }

  /** Hands each complete line written to it to a consumer. */
  private static final class LineWriter extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = buffer[i];
        if (c == '\n') {
          int end = pending.length();
          if (end > 0 && pending.charAt(end - 1) == '\r') {
            pending.setLength(end - 1);
          }
          lines.accept(pending.toString());
          pending.setLength(0);
        } else {
          pending.append(c);
        }
      }
    }

    @Override
    public void flush() {
      // a line is printed once it is complete
    }

    @Override
    public synchronized void close() {
      if (pending.length() > 0) {
        lines.accept(pending.toString());
        pending.setLength(0);
      }
    }
  }
}
