package io.jenkins.plugins.patchpipeline;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.ProxyConfiguration;
import hudson.model.Run;
import io.patchpipeline.engine.evidence.s3.S3EvidenceStore;
import io.patchpipeline.engine.evidence.s3.S3Location;
import io.patchpipeline.engine.evidence.s3.SigV4Signer;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.verify.vm.DefectDojoClient;
import io.patchpipeline.engine.verify.vm.HttpVmTransport;
import io.patchpipeline.engine.verify.vm.VmNotifications;
import io.patchpipeline.engine.verify.vm.WebhookNotifier;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The systems that {@code verifyCve} also sends its results to: DefectDojo, the signed webhook and
 * S3-compatible storage for the bundles. The controller reads the secrets from the credentials
 * store and its proxy configuration; the agent, where the bundles are, sends the requests. The
 * secrets travel to the agent over the remoting channel, as {@code withCredentials} secrets do, and
 * also serve there as the list of values that no evidence bundle may contain.
 */
final class VerifyDeliveries implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String defectDojoUrl;
  private final String defectDojoKey;
  private final String webhookUrl;
  private final String webhookSecret;
  private final String evidenceStore;
  private final String s3Endpoint;
  private final String s3Region;
  private final String accessKeyId;
  private final String secretAccessKey;

  /** Jenkins' proxy: host (null for none), port, no-proxy hosts, user and password. */
  private final String proxyHost;

  private final int proxyPort;
  private final String noProxyHosts;
  private final String proxyUser;
  private final String proxyPassword;

  private VerifyDeliveries(VerifyCveStep step, Secrets secrets, ProxyConfiguration proxy) {
    this.defectDojoUrl = blankToNull(step.getDefectDojoUrl());
    this.webhookUrl = blankToNull(step.getWebhookUrl());
    this.evidenceStore = blankToNull(step.getEvidenceStore());
    this.s3Endpoint = blankToNull(step.getS3Endpoint());
    this.s3Region = Optional.ofNullable(blankToNull(step.getS3Region())).orElse("us-east-1");
    this.defectDojoKey = secrets.defectDojoKey();
    this.webhookSecret = secrets.webhookSecret();
    this.accessKeyId = secrets.accessKeyId();
    this.secretAccessKey = secrets.secretAccessKey();
    boolean hasProxy = proxy != null && proxy.getName() != null && !proxy.getName().isBlank();
    this.proxyHost = hasProxy ? proxy.getName() : null;
    this.proxyPort = hasProxy ? proxy.getPort() : 0;
    this.noProxyHosts = hasProxy ? proxy.getNoProxyHost() : null;
    String user = hasProxy ? blankToNull(proxy.getUserName()) : null;
    this.proxyUser = user;
    this.proxyPassword =
        user == null || proxy.getSecretPassword() == null
            ? ""
            : proxy.getSecretPassword().getPlainText();
  }

  /** The secrets read on the controller; null where the step names no system. */
  private record Secrets(
      String defectDojoKey, String webhookSecret, String accessKeyId, String secretAccessKey) {}

  /**
   * Reads the step's delivery parameters and their credentials for {@code run}.
   *
   * @param proxy Jenkins' proxy configuration, or null for direct connections
   * @throws AbortException when a URL or the store is invalid, or a credential is missing
   */
  static VerifyDeliveries of(
      VerifyCveStep step, Run<?, ?> run, CredentialLookup credentials, ProxyConfiguration proxy)
      throws AbortException {
    String dojo = blankToNull(step.getDefectDojoUrl());
    String hook = blankToNull(step.getWebhookUrl());
    String store = blankToNull(step.getEvidenceStore());
    checkUrl("defectDojoUrl", dojo);
    checkUrl("webhookUrl", hook);
    checkUrl("s3Endpoint", blankToNull(step.getS3Endpoint()));
    if (store != null) {
      try {
        S3Location.parse(store);
      } catch (IllegalArgumentException e) {
        throw new AbortException(Messages.Verify_Failed("evidenceStore: " + e.getMessage()));
      }
    }
    String key =
        dojo == null
            ? null
            : credentials
                .secretText(run, step.getDefectDojoCredentialsId(), "the DefectDojo API key")
                .getPlainText();
    String secret =
        hook == null
            ? null
            : credentials
                .secretText(run, step.getWebhookCredentialsId(), "the webhook secret")
                .getPlainText();
    String accessKey = null;
    String secretKey = null;
    if (store != null) {
      StandardUsernamePasswordCredentials s3 =
          credentials.require(
              run,
              step.getS3CredentialsId(),
              StandardUsernamePasswordCredentials.class,
              "the S3 access key of " + store);
      accessKey = s3.getUsername();
      secretKey = s3.getPassword().getPlainText();
    }
    return new VerifyDeliveries(step, new Secrets(key, secret, accessKey, secretKey), proxy);
  }

  boolean uploads() {
    return evidenceStore != null;
  }

  /** Returns the secrets that no evidence bundle may contain. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (String secret : new String[] {defectDojoKey, webhookSecret, secretAccessKey}) {
      if (secret != null && !secret.isBlank()) {
        secrets.add(secret);
      }
    }
    return secrets;
  }

  /** Returns the configured DefectDojo and webhook notifications; empty when none is set. */
  VmNotifications notifications() {
    Optional<DefectDojoClient> dojo =
        defectDojoUrl == null
            ? Optional.empty()
            : Optional.of(
                DefectDojoClient.over(
                    URI.create(defectDojoUrl),
                    new HttpService(settings(), Credentials.token(defectDojoKey))));
    Optional<WebhookNotifier> hook =
        webhookUrl == null
            ? Optional.empty()
            : Optional.of(
                new WebhookNotifier(
                    URI.create(webhookUrl),
                    webhookSecret.getBytes(StandardCharsets.UTF_8),
                    new HttpVmTransport(new HttpService(settings(), Credentials.none()))));
    return new VmNotifications(dojo, hook);
  }

  /**
   * Uploads the bundle folder {@code bundle} to the evidence store, manifest last.
   *
   * @return the key of the manifest
   */
  String upload(Path bundle) throws IOException {
    S3Location location = S3Location.parse(evidenceStore);
    SigV4Signer signer =
        new SigV4Signer(accessKeyId, secretAccessKey, Optional.empty(), s3Region, "s3");
    HttpService http = new HttpService(settings(), Credentials.signed(signer));
    URI endpoint =
        s3Endpoint == null ? S3EvidenceStore.awsEndpoint(s3Region) : URI.create(s3Endpoint);
    List<String> keys = new S3EvidenceStore(http, endpoint).upload(bundle, location);
    return "s3://" + location.bucket() + "/" + keys.get(keys.size() - 1);
  }

  private HttpSettings settings() {
    HttpSettings settings = HttpSettings.defaults();
    if (proxyHost == null) {
      return settings;
    }
    io.patchpipeline.engine.http.HttpProxy proxy =
        io.patchpipeline.engine.http.HttpProxy.of(proxyHost, proxyPort, noProxyHosts);
    if (proxyUser != null) {
      proxy = proxy.withCredentials(proxyUser, proxyPassword);
    }
    return settings.withProxy(proxy);
  }

  private static void checkUrl(String parameter, String value) throws AbortException {
    if (value == null) {
      return;
    }
    try {
      URI uri = URI.create(value);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException("expected an http or https URL");
      }
    } catch (IllegalArgumentException e) {
      throw new AbortException(
          Messages.Verify_Failed(
              "invalid " + parameter + " '" + value + "'; expected an http or https URL"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
