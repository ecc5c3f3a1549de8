package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import java.util.regex.Pattern;

/**
 * Strict patterns for every value that reaches a deployment command line: host names, package
 * names, versions, container images, Kubernetes names, KB article ids and CVE ids. Each check
 * rejects spaces, shell metacharacters and a leading {@code -}, so that no value can be taken for
 * an option by the tool that receives it.
 */
public final class DeployNames {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,252}");

  /** Package names; ':' joins a Maven group and artifact, and is harmless in an argument array. */
  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_.+@/:\\-]{0,213}");

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+:~\\-]{0,127}");
  private static final Pattern IMAGE =
      Pattern.compile("[a-z0-9][a-z0-9._\\-/:]{0,254}(@sha256:[a-f0-9]{64})?");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}");
  private static final Pattern KUBERNETES_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9.\\-]{0,251}[a-z0-9])?");
  private static final Pattern KB = Pattern.compile("KB[0-9]{6,8}");
  private static final Pattern CVE = Pattern.compile("[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9.:_\\-]{1,64}");
  private static final Pattern VALUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,127}");

  private DeployNames() {}

  /** Checks an inventory host name, an IP address or a Windows agent name. */
  public static String host(String value, String source) {
    return check(HOST, value, source, "host", "letters, digits, '.', '-' or '_'");
  }

  /** Checks a host name read from {@code file} at the JSON pointer {@code position}. */
  public static String host(String value, String file, String position) {
    try {
      return host(value, "");
    } catch (InputException e) {
      throw new InputException(file, position, e.getMessage(), e);
    }
  }

  /** Checks a distribution, Chocolatey or library package name. */
  public static String packageName(String value, String source) {
    return check(PACKAGE, value, source, "package name", "letters, digits and . + @ / : - _");
  }

  /** Checks a package version such as {@code 1:2.36-9+deb12u4} or {@code 3.0.13-1~deb12u1}. */
  public static String version(String value, String source) {
    return check(VERSION, value, source, "version", "letters, digits and . + : ~ - _");
  }

  /** Checks a container image reference without its tag, such as {@code registry/team/app}. */
  public static String image(String value, String source) {
    return check(IMAGE, value, source, "image", "a lower-case image reference");
  }

  /** Checks a container image tag. */
  public static String tag(String value, String source) {
    return check(TAG, value, source, "image tag", "letters, digits and . - _");
  }

  /** Checks a Kubernetes object name or namespace (DNS subdomain rules). */
  public static String kubernetesName(String value, String source) {
    return check(
        KUBERNETES_NAME,
        value,
        source,
        "Kubernetes name",
        "lower-case letters, digits, '.' and '-'");
  }

  /** Checks a Windows update knowledge-base id such as {@code KB5034441}. */
  public static String kb(String value, String source) {
    return check(KB, value, source, "KB article id", "KB followed by 6 to 8 digits");
  }

  /** Checks a vulnerability id such as {@code CVE-2024-3094} or {@code GHSA-xxxx-xxxx-xxxx}. */
  public static String vulnerabilityId(String value, String source) {
    return check(CVE, value, source, "vulnerability id", "an id such as CVE-2024-3094");
  }

  /** Checks a dotted Helm value key such as {@code image.tag}. */
  public static String valueKey(String value, String source) {
    if (value != null && (value.contains("..") || value.endsWith("."))) {
      throw new InputException(
          source,
          "",
          "invalid value key '" + printable(value) + "'; expected dotted names such as image.tag");
    }
    return check(VALUE_KEY, value, source, "value key", "dotted names such as image.tag");
  }

  private static String check(
      Pattern pattern, String value, String source, String what, String expected) {
    if (value == null || value.isEmpty()) {
      throw new InputException(source, "", "missing " + what + "; expected " + expected);
    }
    if (!pattern.matcher(value).matches()) {
      throw new InputException(
          source,
          "",
          "invalid "
              + what
              + " '"
              + printable(value)
              + "'; expected "
              + expected
              + " (no spaces, shell characters or leading '-')");
    }
    return value;
  }

  private static String printable(String value) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return shown.replaceAll("[\\p{Cntrl}]", "?");
  }
}
