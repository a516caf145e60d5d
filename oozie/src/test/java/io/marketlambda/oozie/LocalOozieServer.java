package io.marketlambda.oozie;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering the Oozie REST calls {@code OozieClient} makes for submit and
 * status (protocol v2, as in Oozie's WebServicesAPI): {@code GET /oozie/versions}, {@code POST
 * /oozie/v2/jobs}, {@code GET /oozie/v2/job/<id>?show=status}. Records every request.
 */
final class LocalOozieServer implements AutoCloseable {
  /** A request as received. */
  record Request(String method, String path, String query, String contentType, String body) {}

  static final String JOB_ID = "0000042-260106023000000-oozie-oozi-C";

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile String refusal;

  LocalOozieServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/oozie/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/oozie";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Makes the server refuse submissions as Oozie does: 400 with its error headers. */
  void refuseSubmissions(String errorMessage) {
    refusal = errorMessage;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getQuery(),
            exchange.getRequestHeaders().getFirst("content-type"),
            body));
    if (path.equals("/oozie/versions")) {
      respond(exchange, 200, "[0,1,2]");
    } else if (path.equals("/oozie/v2/jobs") && exchange.getRequestMethod().equals("POST")) {
      if (refusal != null) {
        exchange.getResponseHeaders().add("oozie-error-code", "E0701");
        exchange.getResponseHeaders().add("oozie-error-message", refusal);
        respond(exchange, 400, "");
      } else {
        respond(exchange, 201, "{\"id\":\"" + JOB_ID + "\"}");
      }
    } else if (path.equals("/oozie/v2/job/" + JOB_ID)) {
      respond(exchange, 200, "{\"status\":\"RUNNING\"}");
    } else {
      exchange.getResponseHeaders().add("oozie-error-code", "E0604");
      exchange.getResponseHeaders().add("oozie-error-message", "Job does not exist [" + path + "]");
      respond(exchange, 404, "");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
