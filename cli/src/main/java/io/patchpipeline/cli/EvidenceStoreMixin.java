package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.evidence.s3.S3EvidenceStore;
import io.patchpipeline.engine.evidence.s3.S3Location;
import io.patchpipeline.engine.evidence.s3.SigV4Signer;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options of {@code verify} that upload evidence bundles to S3-compatible storage. */
final class EvidenceStoreMixin {
  @Option(
      names = "--evidence-store",
      paramLabel = "s3://BUCKET/PREFIX",
      description =
          "Also upload each evidence bundle to S3-compatible storage, manifest last. Credentials"
              + " come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), the"
              + " region from AWS_REGION.")
  String store;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description =
          "The S3 endpoint, such as http://127.0.0.1:9000 for MinIO; addressing is path-style."
              + " Default: https://s3.REGION.amazonaws.com.")
  URI endpoint;

  boolean isSet() {
    return store != null;
  }

  /** Uploads {@code bundle}; returns the key of its manifest. */
  String upload(Path bundle, Function<String, String> environment, PrintWriter out)
      throws IOException {
    S3Location location;
    try {
      location = S3Location.parse(store);
    } catch (IllegalArgumentException e) {
      throw new InputException("--evidence-store", "", e.getMessage(), e);
    }
    String region = Optional.ofNullable(environment.apply("AWS_REGION")).orElse("");
    SigV4Signer signer =
        new SigV4Signer(
            required(environment, "AWS_ACCESS_KEY_ID"),
            required(environment, "AWS_SECRET_ACCESS_KEY"),
            Optional.ofNullable(environment.apply("AWS_SESSION_TOKEN")).filter(s -> !s.isBlank()),
            region.isBlank() ? required(environment, "AWS_REGION") : region,
            "s3");
    HttpService http = new HttpService(HttpSettings.defaults(), Credentials.signed(signer));
    URI target = endpoint != null ? endpoint : S3EvidenceStore.awsEndpoint(region);
    java.util.List<String> keys = new S3EvidenceStore(http, target).upload(bundle, location);
    String last = keys.get(keys.size() - 1);
    out.println(
        "Uploaded "
            + keys.size()
            + " files of "
            + bundle.getFileName()
            + " to s3://"
            + location.bucket()
            + "/"
            + last.substring(0, last.lastIndexOf('/') + 1));
    return last;
  }

  private static String required(Function<String, String> environment, String variable) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new InputException(
          variable, "", "missing environment variable " + variable + " for --evidence-store");
    }
    return value;
  }
}
