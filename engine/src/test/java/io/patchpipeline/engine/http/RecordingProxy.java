package io.patchpipeline.engine.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP proxy on 127.0.0.1 that records each request line and its headers and responds to every
 * request itself with {@code status}, so that no request leaves the machine.
 */
final class RecordingProxy implements AutoCloseable {
  /** A received request: the request line, such as {@code GET http://host/path HTTP/1.1}. */
  record Seen(String requestLine, Map<String, String> headers) {}

  private final ServerSocket socket;
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private final int status;

  RecordingProxy(int status) throws IOException {
    this.status = status;
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "recording-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        answer(client);
      } catch (IOException e) {
        // The socket was closed by close(), or a client went away; either ends this request.
      }
    }
  }

  private void answer(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    String requestLine = in.readLine();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    seen.add(new Seen(requestLine, headers));
    String reason = status == 200 ? "OK" : "Proxy Authentication Required";
    String response =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    OutputStream out = client.getOutputStream();
    out.write(response.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
