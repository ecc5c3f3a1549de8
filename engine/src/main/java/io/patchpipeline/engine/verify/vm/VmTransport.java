package io.patchpipeline.engine.verify.vm;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Sends one HTTP request to a vulnerability-management system. {@link HttpVmTransport} sends it
 * through the engine's HTTP layer; {@link OutboxTransport} writes it to a file instead.
 */
@FunctionalInterface
public interface VmTransport {
  Response send(Request request) throws IOException;

  /** One request; header values may hold credentials and must never be printed. */
  record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    public Request {
      headers = Map.copyOf(headers);
      body = body == null ? new byte[0] : body.clone();
    }

    /** Returns the method and URI only, for messages. */
    @Override
    public String toString() {
      return method + " " + uri;
    }
  }

  /** One response. */
  record Response(int status, byte[] body) {
    public Response {
      body = body == null ? new byte[0] : body.clone();
    }

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }
}
