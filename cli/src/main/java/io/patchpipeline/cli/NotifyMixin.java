package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.verify.vm.DefectDojoClient;
import io.patchpipeline.engine.verify.vm.HttpVmTransport;
import io.patchpipeline.engine.verify.vm.OutboxTransport;
import io.patchpipeline.engine.verify.vm.VmNotifications;
import io.patchpipeline.engine.verify.vm.VmTransport;
import io.patchpipeline.engine.verify.vm.WebhookNotifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options of {@code verify} that tell vulnerability-management systems about verified units:
 * DefectDojo and a signed webhook, sent for real or written to an outbox file.
 */
final class NotifyMixin {
  /** The webhook secret of an outbox without one, so a reader can check the signatures. */
  static final String OUTBOX_SECRET = "patch-pipeline-outbox";

  static final URI OUTBOX_DEFECTDOJO = URI.create("http://defectdojo.invalid/");
  static final URI OUTBOX_WEBHOOK = URI.create("http://webhook.invalid/patch-pipeline");

  @Option(
      names = "--defectdojo-url",
      paramLabel = "URL",
      description =
          "Mark the findings of verified CVEs mitigated in this DefectDojo (REST API v2), such as"
              + " https://defectdojo.example.com/.")
  URI defectDojoUrl;

  @Option(
      names = "--defectdojo-api-key-env",
      paramLabel = "VAR",
      defaultValue = "DEFECTDOJO_API_KEY",
      description =
          "The environment variable holding the DefectDojo API key. Default: ${DEFAULT-VALUE}.")
  String defectDojoKeyEnv;

  @Option(
      names = "--defectdojo-api-key-file",
      paramLabel = "FILE",
      description = "A file holding the DefectDojo API key, instead of the environment variable.")
  Path defectDojoKeyFile;

  @Option(
      names = "--webhook-url",
      paramLabel = "URL",
      description = "Post a signed unit.verified JSON event per verified unit to this URL.")
  URI webhookUrl;

  @Option(
      names = "--webhook-secret-env",
      paramLabel = "VAR",
      defaultValue = "PATCH_PIPELINE_WEBHOOK_SECRET",
      description =
          "The environment variable holding the webhook's HMAC-SHA256 secret. Default:"
              + " ${DEFAULT-VALUE}.")
  String webhookSecretEnv;

  @Option(
      names = "--webhook-secret-file",
      paramLabel = "FILE",
      description = "A file holding the webhook secret, instead of the environment variable.")
  Path webhookSecretFile;

  @Option(
      names = "--notify-outbox",
      paramLabel = "FILE",
      description =
          "Write the DefectDojo and webhook requests to this JSON Lines file instead of sending"
              + " them. Without --defectdojo-url and --webhook-url, both are written to"
              + " placeholder addresses, and an absent webhook secret is '"
              + OUTBOX_SECRET
              + "'.")
  Path outbox;

  /** Returns the configured notifications; empty when no system is configured. */
  VmNotifications build(Function<String, String> environment) throws IOException {
    if (outbox != null) {
      return outboxNotifications(environment);
    }
    Optional<DefectDojoClient> dojo = Optional.empty();
    if (defectDojoUrl != null) {
      String key =
          secret(defectDojoKeyFile, defectDojoKeyEnv, environment, "--defectdojo-url")
              .orElseThrow(
                  () ->
                      missing("DefectDojo API key", defectDojoKeyEnv, "--defectdojo-api-key-file"));
      dojo =
          Optional.of(
              DefectDojoClient.over(
                  defectDojoUrl, new HttpService(HttpSettings.defaults(), Credentials.token(key))));
    }
    Optional<WebhookNotifier> hook = Optional.empty();
    if (webhookUrl != null) {
      String secret =
          secret(webhookSecretFile, webhookSecretEnv, environment, "--webhook-url")
              .orElseThrow(
                  () -> missing("webhook secret", webhookSecretEnv, "--webhook-secret-file"));
      VmTransport transport =
          new HttpVmTransport(new HttpService(HttpSettings.defaults(), Credentials.none()));
      hook =
          Optional.of(
              new WebhookNotifier(webhookUrl, secret.getBytes(StandardCharsets.UTF_8), transport));
    }
    return new VmNotifications(dojo, hook);
  }

  private VmNotifications outboxNotifications(Function<String, String> environment)
      throws IOException {
    VmTransport transport = new OutboxTransport(outbox);
    String key =
        secret(defectDojoKeyFile, defectDojoKeyEnv, environment, "--defectdojo-url").orElse("none");
    String secret =
        secret(webhookSecretFile, webhookSecretEnv, environment, "--webhook-url")
            .orElse(OUTBOX_SECRET);
    return new VmNotifications(
        Optional.of(
            new DefectDojoClient(
                defectDojoUrl == null ? OUTBOX_DEFECTDOJO : defectDojoUrl, key, transport)),
        Optional.of(
            new WebhookNotifier(
                webhookUrl == null ? OUTBOX_WEBHOOK : webhookUrl,
                secret.getBytes(StandardCharsets.UTF_8),
                transport)));
  }

  private static Optional<String> secret(
      Path file, String variable, Function<String, String> environment, String option)
      throws IOException {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new InputException(file.toString(), "", "secret file not found for " + option);
      }
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new InputException(file.toString(), "", "secret file is empty");
      }
      return Optional.of(value);
    }
    String value = environment.apply(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static InputException missing(String what, String variable, String fileOption) {
    return new InputException(
        variable,
        "",
        "missing "
            + what
            + ": set the environment variable "
            + variable
            + " or give "
            + fileOption);
  }
}
