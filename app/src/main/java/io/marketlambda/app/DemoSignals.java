package io.marketlambda.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the demo: the first one calls the demo's stop, a second one halts
 * the JVM at once ({@code 128 + signal number}, as a shell reports it). Libraries the demo runs in
 * its JVM may install handlers of their own while it runs; {@link #keep} puts the demo's back (and
 * logs which handler it replaced, once), so that Ctrl-C always reaches the demo.
 */
final class DemoSignals implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoSignals.class);

  private final Map<Signal, SignalHandler> previous = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final SignalHandler handler;

  private DemoSignals(SignalHandler handler) {
    this.handler = handler;
  }

  /**
   * Installs the demo's handler of SIGINT and SIGTERM (where the platform has them).
   *
   * @param onFirst called, on the JVM's signal thread, with the first signal received
   */
  static DemoSignals install(Consumer<Signal> onFirst) {
    AtomicBoolean signalled = new AtomicBoolean();
    DemoSignals signals =
        new DemoSignals(
            received -> {
              if (signalled.getAndSet(true)) {
                Runtime.getRuntime().halt(128 + received.getNumber());
              }
              onFirst.accept(received);
            });
    for (String name : List.of("INT", "TERM")) {
      Signal signal;
      try {
        signal = new Signal(name);
      } catch (IllegalArgumentException e) {
        continue; // not a signal here: the shutdown hook stops the demo
      }
      signals.previous.put(signal, Signal.handle(signal, signals.handler));
    }
    return signals;
  }

  /** Puts the demo's handler back where another one replaced it. */
  void keep() {
    for (Signal signal : previous.keySet()) {
      SignalHandler current = Signal.handle(signal, handler);
      if (current != handler && reported.add(signal.getName())) {
        log.warn("SIG{} handler replaced by {}: put the demo's back", signal.getName(), current);
      }
    }
  }

  /** Restores the handlers the demo replaced. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
