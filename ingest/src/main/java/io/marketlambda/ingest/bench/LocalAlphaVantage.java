package io.marketlambda.ingest.alphavantage;

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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for Alpha Vantage: it answers each request with the next
 * planned answer, repeating the last one, and remembers the query strings it received.
 */
final class LocalAlphaVantage implements AutoCloseable {
  /** One planned answer. */
  /**
   * One planned answer.
   *
   * @param stall how long to wait before the headers
   * @param midBodyStall how long to wait after the headers and half the body
   */
  record Answer(int status, String body, Duration stall, Duration midBodyStall) {
    static Answer ok(String body) {
      return new Answer(200, body, Duration.ZERO, Duration.ZERO);
    }

    static Answer status(int status) {
      return new Answer(status, "", Duration.ZERO, Duration.ZERO);
    }

    static Answer stalled(Duration stall, String body) {
      return new Answer(200, body, stall, Duration.ZERO);
    }

    /** Headers and half the body at once, then nothing for {@code stall}, then the rest. */
    static Answer stalledMidBody(Duration stall, String body) {
      return new Answer(200, body, Duration.ZERO, stall);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<String> queries = new ArrayList<>();

  LocalAlphaVantage(Answer... planned) throws IOException {
    answers.addAll(List.of(planned));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/query", this::answer);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/query");
  }

  synchronized List<String> queries() {
    return List.copyOf(queries);
  }

  private void answer(HttpExchange exchange) throws IOException {
    Answer answer;
    synchronized (this) {
      queries.add(exchange.getRequestURI().getRawQuery());
      answer = answers.size() > 1 ? answers.removeFirst() : answers.getFirst();
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
      if (body.length > 0 && !answer.midBodyStall().isZero()) {
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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
