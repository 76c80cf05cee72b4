package com.kompaas.webhooks.delivery.control;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 receiver on plain sockets whose answers a test scripts, down to closing a connection
 * without a word, and which counts what the sender's connection handling shows: connections
 * accepted, requests read, requests in flight, connections that ended.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with one request it has read. */
  @FunctionalInterface
  interface Script {
    void answer(Exchange exchange) throws IOException;
  }

  /** One request as read, and the connection to answer it on. */
  final class Exchange {
    final int connection;
    final int indexOnConnection;
    final String requestLine;
    final Map<String, String> headers;
    final byte[] body;
    private final Socket socket;
    private boolean closed;

    private Exchange(
        int connection,
        int index,
        String requestLine,
        Map<String, String> headers,
        byte[] body,
        Socket socket) {
      this.connection = connection;
      this.indexOnConnection = index;
      this.requestLine = requestLine;
      this.headers = headers;
      this.body = body;
      this.socket = socket;
    }

    void respond(int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      write("HTTP/1.1 " + status + " X\r\nContent-Length: " + bytes.length + "\r\n\r\n");
      out().write(bytes);
      out().flush();
    }

    void write(String raw) throws IOException {
      out().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out().flush();
    }

    OutputStream out() throws IOException {
      return socket.getOutputStream();
    }

    /** Ends the connection after this exchange. */
    void close() throws IOException {
      closed = true;
      socket.close();
    }

    /** Blocks until the client closes its end (or 10 s pass); true if it did. */
    boolean awaitClientClose() {
      try {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
          // discard whatever else arrives
        }
        return true;
      } catch (IOException e) {
        return !(e instanceof java.net.SocketTimeoutException);
      }
    }

    /** Holds the request until the test releases the server (or 10 s pass). */
    void awaitRelease() {
      inFlight.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Script script;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Exchange> requests = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);

  ScriptedServer(Script script) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        int id = connections.incrementAndGet();
        threads.execute(() -> serve(socket, id));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int id) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int index = 1; ; index++) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          headers.put(
              lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        Exchange exchange =
            new Exchange(id, index, lines[0], headers, in.readNBytes(length), socket);
        requests.add(exchange);
        script.answer(exchange);
        if (exchange.closed) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away; the counts say what happened
    } finally {
      ended.incrementAndGet();
    }
  }

  /** The request line and headers, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if ((b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)) {
        matched++;
      } else {
        matched = b == '\r' ? 1 : 0;
      }
      if (matched == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
    }
    return null;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  int connections() {
    return connections.get();
  }

  int ended() {
    return ended.get();
  }

  int requests() {
    return requests.size();
  }

  int inFlight() {
    return inFlight.get();
  }

  Iterable<Exchange> exchanges() {
    return requests;
  }

  void release() {
    release.countDown();
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    threads.shutdownNow();
  }
}
