package io.marketlambda.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for Alpha Vantage, for tests and the fault suite: it answers
 * each request with the next answer planned for its {@code function} (or for every function),
 * repeating the last one, and remembers the query strings it received. The bodies are the API's
 * real recorded responses, served as they are or with a fault: a status, a stall before the headers
 * or mid-body, a connection cut.
 */
public final class LocalAlphaVantage implements AutoCloseable {
  /**
   * One planned answer.
   *
   * @param stall how long to wait before the headers
   * @param midBodyStall how long to wait after the headers and half the body
   * @param sentBytes bytes of the body sent before the connection is closed, though the headers
   *     declare the whole body (a connection cut mid-transfer); -1 for the whole body
   */
  public record Answer(
      int status, String body, Duration stall, Duration midBodyStall, int sentBytes) {
    public static Answer ok(String body) {
      return new Answer(200, body, Duration.ZERO, Duration.ZERO, -1);
    }

    public static Answer status(int status) {
      return new Answer(status, "", Duration.ZERO, Duration.ZERO, -1);
    }

    public static Answer stalled(Duration stall, String body) {
      return new Answer(200, body, stall, Duration.ZERO, -1);
    }

    /** Headers and half the body at once, then nothing for {@code stall}, then the rest. */
    public static Answer stalledMidBody(Duration stall, String body) {
      return new Answer(200, body, Duration.ZERO, stall, -1);
    }

    /** Headers declaring the whole body, its first {@code bytes}, then the connection closed. */
    public static Answer cutAfter(String body, int bytes) {
      return new Answer(200, body, Duration.ZERO, Duration.ZERO, bytes);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  private final List<String> queries = new ArrayList<>();

  /** Answers every request with the next of {@code planned}, repeating the last. */
  public LocalAlphaVantage(Answer... planned) throws IOException {
    this(Map.of(ANY_FUNCTION, List.of(planned)));
  }

  /**
   * Answers each request with the next answer planned for its {@code function} parameter, or for
   * {@link #ANY_FUNCTION}, repeating the last one.
   *
   * @throws IllegalArgumentException when a function's plan is empty
   */
  public LocalAlphaVantage(Map<String, List<Answer>> byFunction) throws IOException {
    byFunction.forEach(
        (function, planned) -> {
          if (planned.isEmpty()) {
            throw new IllegalArgumentException("Cannot answer " + function + ": no answer planned");
          }
          answers.put(function, new ArrayDeque<>(planned));
        });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/query", this::answer);
    server.setExecutor(executor);
    server.start();
  }

  /** The plan of the functions that have none of their own. */
  public static final String ANY_FUNCTION = "*";

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/query");
  }

  public synchronized List<String> queries() {
    return List.copyOf(queries);
  }

  private void answer(HttpExchange exchange) throws IOException {
    Answer answer;
    synchronized (this) {
      String query = exchange.getRequestURI().getRawQuery();
      queries.add(query);
      Deque<Answer> planned = answers.get(function(query));
      if (planned == null) {
        planned = answers.get(ANY_FUNCTION);
      }
      answer =
          planned == null
              ? Answer.status(404)
              : planned.size() > 1 ? planned.removeFirst() : planned.getFirst();
    }
    try {
      Thread.sleep(answer.stall().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (answer.sentBytes() >= 0) {
        out.write(body, 0, answer.sentBytes());
        out.flush();
        // Thrown out of the handler, this makes the JDK's server close the connection with the
        // rest of the body still owed: the client reads an early EOF. (Closing the stream would
        // leave the connection open and the client waiting.)
        throw new ConnectionCut(answer.sentBytes());
      } else if (body.length > 0 && !answer.midBodyStall().isZero()) {
        out.write(body, 0, body.length / 2);
        out.flush();
        Thread.sleep(answer.midBodyStall().toMillis());
        out.write(body, body.length / 2, body.length - body.length / 2);
      } else if (body.length > 0) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (time-out): nothing to answer.
    }
  }

  private static String function(String query) {
    for (String parameter : String.valueOf(query).split("&")) {
      if (parameter.startsWith("function=")) {
        return parameter.substring("function=".length());
      }
    }
    return "";
  }

  /** Ends a {@link Answer#cutAfter} answer: the server closes the connection. */
  private static final class ConnectionCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionCut(int sentBytes) {
      super("connection cut after " + sentBytes + " bytes, as planned", null, false, false);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
