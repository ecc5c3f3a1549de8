package io.patchpipeline.engine.verify;

/** The formats of installed-version files that verification reads. */
public enum InventoryFormat {
  /** Ansible {@code package_facts} (and {@code setup}) JSON, one or many hosts. */
  ANSIBLE,
  /** {@code dpkg-query -W -f='${Package} ${Version}\n'} output of one host. */
  DPKG,
  /** {@code rpm -qa --qf '%{NAME} %{EPOCH}:%{VERSION}-%{RELEASE}\n'} output of one host. */
  RPM,
  /** {@code apk info -v} or {@code apk list --installed} output of one host. */
  APK,
  /** {@code uname -r} output of one host: its running kernel. */
  UNAME
}
