package io.patchpipeline.engine.verify.vm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends requests with the JDK client, standing in for the engine's HTTP layer in tests. */
final class JdkTransport implements VmTransport {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Response send(Request request) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(Duration.ofSeconds(10))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while sending " + request, e);
    }
  }
}
