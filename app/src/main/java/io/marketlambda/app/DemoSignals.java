package io.marketlambda.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the demo: the first one calls the demo's stop, a second one halts
 * the JVM at once ({@code 128 + signal number}, as a shell reports it).
 *
 * <p>A process started in the background by a shell without job control (e.g. {@code nohup cmd &})
 * inherits SIGINT as ignored, and the JVM then installs no handler for it: Ctrl-C cannot reach such
 * a demo, SIGTERM ({@code kill PID}) still does. The demo logs it when that is the case.
 */
final class DemoSignals implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoSignals.class);

  private final Map<Signal, SignalHandler> previous = new HashMap<>();

  private DemoSignals() {}

  /**
   * Installs the demo's handler of SIGINT and SIGTERM (where the platform has them and the process
   * does not ignore them).
   *
   * @param onFirst called, on the JVM's signal thread, with the first signal received
   */
  static DemoSignals install(Consumer<Signal> onFirst) {
    AtomicBoolean signalled = new AtomicBoolean();
    SignalHandler handler =
        received -> {
          if (signalled.getAndSet(true)) {
            Runtime.getRuntime().halt(128 + received.getNumber());
          }
          onFirst.accept(received);
        };
    DemoSignals signals = new DemoSignals();
    for (String name : List.of("INT", "TERM")) {
      Signal signal;
      try {
        signal = new Signal(name);
      } catch (IllegalArgumentException e) {
        continue; // not a signal here: the shutdown hook stops the demo
      }
      SignalHandler replaced = Signal.handle(signal, handler);
      if (replaced == SignalHandler.SIG_IGN) {
        // The JVM keeps an inherited "ignore" of SIGINT, SIGTERM and SIGHUP and installs nothing.
        log.info(
            "SIG{} is ignored by this process (started in the background?): it does not"
                + " stop the demo",
            name);
      } else {
        signals.previous.put(signal, replaced);
      }
    }
    return signals;
  }

  /** Restores the handlers the demo replaced. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
