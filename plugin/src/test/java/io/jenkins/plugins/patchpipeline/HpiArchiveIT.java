package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the built {@code patch-pipeline.hpi} and checks what Jenkins reads from it: the manifest,
 * the inner jar with its views and SezPoz index, and that no class of Jenkins or Jackson is
 * bundled. Runs after {@code package}, as an integration test.
 */
class HpiArchiveIT {
  private static final String INNER_JAR = "WEB-INF/lib/patch-pipeline.jar";

  private static final Pattern DOC_STEP = Pattern.compile("(?m)^### `([a-zA-Z0-9_]+)`");

  @TempDir static Path tempDir;

  private static Path hpi;
  private static Path innerJar;

  @BeforeAll
  static void extractInnerJar() throws IOException {
    hpi = Path.of(System.getProperty("hpi.file", "target/patch-pipeline.hpi"));
    assertThat(hpi).isRegularFile();
    innerJar = tempDir.resolve("patch-pipeline.jar");
    try (JarFile archive = new JarFile(hpi.toFile())) {
      JarEntry entry = archive.getJarEntry(INNER_JAR);
      assertThat(entry).as(INNER_JAR).isNotNull();
      try (InputStream in = archive.getInputStream(entry)) {
        Files.copy(in, innerJar);
      }
    }
  }

  @Test
  void manifestDeclaresPluginIdentityAndBaseline() throws IOException {
    Attributes main = manifest();
    assertThat(main.getValue("Short-Name")).isEqualTo("patch-pipeline");
    assertThat(main.getValue("Long-Name")).isEqualTo("Patch Pipeline");
    assertThat(main.getValue("Plugin-Version")).isNotBlank();
    assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.3");
    assertThat(main.getValue("Hudson-Version")).isEqualTo("2.541.3");
    assertThat(main.getValue("Url")).startsWith("https://");
    assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins.patchpipeline");
    assertThat(main.getValue("Artifact-Id")).isEqualTo("patch-pipeline");
    assertThat(main.getValue("Plugin-Class")).as("legacy Plugin-Class").isNull();
  }

  @Test
  void manifestListsPluginDependencies() throws IOException {
    List<String> dependencies = List.of(manifest().getValue("Plugin-Dependencies").split(","));
    assertThat(dependencies)
        .containsExactlyInAnyOrder(
            "workflow-step-api:724.v538c2362b_dfb_",
            "credentials:1511.v2e3cb_0008ef0",
            "plain-credentials:199.v9f8e1f741799",
            "jackson2-api:2.22.2-445.vdc613f1d8012",
            "pipeline-input-step:560.v56198a_642157");
  }

  @Test
  void innerJarCarriesViewsHelpAndMessages() throws IOException {
    Set<String> entries = entries(innerJar);
    assertThat(entries)
        .contains(
            "index.jelly",
            "META-INF/annotations/hudson.Extension",
            "io/jenkins/plugins/patchpipeline/Messages.properties",
            "io/jenkins/plugins/patchpipeline/PatchDetectStep/config.jelly",
            "io/jenkins/plugins/patchpipeline/PatchDetectStep/help-reports.html",
            "io/jenkins/plugins/patchpipeline/PatchPipelineConfiguration/config.jelly",
            "io/jenkins/plugins/patchpipeline/DetectAction/summary.jelly",
            "io/jenkins/plugins/patchpipeline/DetectAction/index.jelly");
  }

  @Test
  void sezpozIndexListsEveryExtensionClass() throws IOException {
    Set<String> annotated = new TreeSet<>();
    for (JavaClass type : new ClassFileImporter().importJar(new JarFile(innerJar.toFile()))) {
      if (type.isAnnotatedWith(Extension.class)) {
        annotated.add(type.getName());
      }
    }
    assertThat(annotated)
        .contains(
            PatchDetectStep.DescriptorImpl.class.getName(),
            PatchPipelineConfiguration.class.getName());
    assertThat(indexedExtensions()).containsExactlyInAnyOrderElementsOf(annotated);
  }

  /** Structs finds symbols through annotation-indexer's list, written by hand here. */
  @Test
  void symbolIndexListsEverySymbolClass() throws IOException {
    Set<String> annotated = new TreeSet<>();
    for (JavaClass type : new ClassFileImporter().importJar(new JarFile(innerJar.toFile()))) {
      if (type.isAnnotatedWith(Symbol.class)) {
        annotated.add(type.getName());
      }
    }
    Set<String> indexed = new TreeSet<>();
    try (JarFile jar = new JarFile(innerJar.toFile())) {
      JarEntry entry = jar.getJarEntry("META-INF/services/annotations/org.jenkinsci.Symbol");
      assertThat(entry).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty())
            .forEach(indexed::add);
      }
    }
    assertThat(annotated).isNotEmpty();
    assertThat(indexed).isEqualTo(annotated);
  }

  @Test
  void noJenkinsOrJacksonClassIsBundled() throws IOException {
    List<String> forbidden = new ArrayList<>();
    try (JarFile archive = new JarFile(hpi.toFile())) {
      for (JarEntry entry : Collections.list(archive.entries())) {
        if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
          try (InputStream in = archive.getInputStream(entry)) {
            forbidden.addAll(forbiddenClasses(entry.getName(), in));
          }
        }
      }
    }
    assertThat(forbidden).isEmpty();
  }

  @Test
  void bundlesTheEngineAndNoJenkinsJars() throws IOException {
    Set<String> libraries = new TreeSet<>();
    try (JarFile archive = new JarFile(hpi.toFile())) {
      for (JarEntry entry : Collections.list(archive.entries())) {
        if (entry.getName().startsWith("WEB-INF/lib/") && !entry.isDirectory()) {
          libraries.add(entry.getName().substring("WEB-INF/lib/".length()));
        }
      }
    }
    assertThat(libraries).contains("patch-pipeline.jar");
    assertThat(libraries).anyMatch(name -> name.startsWith("patch-pipeline-engine-"));
    assertThat(libraries)
        .noneMatch(name -> name.startsWith("jenkins-api") || name.startsWith("guava"))
        .noneMatch(name -> name.startsWith("jackson-databind") || name.startsWith("snakeyaml"));
  }

  @Test
  void stepFunctionNamesAreTheDocumentedOnes() throws Exception {
    Set<String> functionNames = new TreeSet<>();
    for (String className : indexedExtensions()) {
      Class<?> type = Class.forName(className);
      if (StepDescriptor.class.isAssignableFrom(type)) {
        StepDescriptor descriptor = (StepDescriptor) type.getDeclaredConstructor().newInstance();
        functionNames.add(descriptor.getFunctionName());
      }
    }
    Path doc = Path.of(System.getProperty("plugin.doc", "../docs/plugin.md"));
    Set<String> documented = new TreeSet<>();
    Matcher matcher = DOC_STEP.matcher(Files.readString(doc));
    while (matcher.find()) {
      documented.add(matcher.group(1));
    }
    assertThat(functionNames).contains("patchDetect").isEqualTo(documented);
  }

  /** Reads the index the way core's ExtensionFinder does, from the inner jar alone. */
  private static Set<String> indexedExtensions() throws IOException {
    Set<String> names = new TreeSet<>();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {innerJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
        names.add(item.className());
      }
    }
    return names;
  }

  private static List<String> forbiddenClasses(String jarName, InputStream in) throws IOException {
    List<String> found = new ArrayList<>();
    try (JarInputStream jar = new JarInputStream(in)) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        String name = entry.getName();
        if (name.endsWith(".class") && isJenkinsOrJackson(name)) {
          found.add(jarName + "!" + name);
        }
      }
    }
    return found;
  }

  private static boolean isJenkinsOrJackson(String name) {
    return name.startsWith("hudson/")
        || name.startsWith("jenkins/")
        || name.startsWith("org/jenkinsci/")
        || name.startsWith("org/kohsuke/")
        || name.startsWith("com/fasterxml/jackson/")
        || name.startsWith("org/yaml/snakeyaml/");
  }

  private static Attributes manifest() throws IOException {
    try (JarFile archive = new JarFile(hpi.toFile())) {
      return archive.getManifest().getMainAttributes();
    }
  }

  private static Set<String> entries(Path jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Collections.list(file.entries()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }
}
