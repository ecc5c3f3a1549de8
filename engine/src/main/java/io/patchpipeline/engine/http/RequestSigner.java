package io.patchpipeline.engine.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Computes the authentication headers of one request, such as an AWS Signature Version 4 {@code
 * Authorization} header with the {@code x-amz-date} it covers. {@link HttpService} calls it for
 * every attempt, so a retried request carries a fresh signature.
 */
public interface RequestSigner {
  /** Returns the access key id, which is not secret and may appear in messages. */
  String keyId();

  /** Returns the headers to add to {@code request} sent at {@code now}. */
  Map<String, String> sign(ApiRequest request, Instant now);

  /** Returns every form of the secret that must never reach a message. */
  List<String> secretForms();
}
