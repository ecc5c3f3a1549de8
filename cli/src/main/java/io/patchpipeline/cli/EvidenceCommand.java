package io.patchpipeline.cli;

import io.patchpipeline.engine.evidence.BundleCheck;
import io.patchpipeline.engine.evidence.BundleVerifier;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.evidence.EvidenceZip;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patch-pipeline evidence}: checks evidence bundles. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "Check evidence bundles.",
    subcommands = {EvidenceCommand.Verify.class})
final class EvidenceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT_ERROR;
  }

  /** {@code evidence verify BUNDLE}: detects any changed, added or removed file. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check that a bundle (folder or zip) matches its manifest, and its signature when a key"
              + " is given. A zip is checked without unpacking it, up to 10,000 entries and 1 GiB"
              + " uncompressed. Exit code 1 when anything was changed, added or removed; exit code"
              + " 2 when the file is not an evidence bundle.")
  static final class Verify implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder or its zip file.")
    Path bundle;

    @Option(
        names = "--signing-key-file",
        paramLabel = "FILE",
        description =
            "The HMAC-SHA256 key the bundle was signed with, or the Ed25519 public key (PEM) of"
                + " the private key that signed it.")
    Path signingKey;

    @Override
    public Integer call() throws Exception {
      Optional<EvidenceSigner> signer = InputFiles.signer(signingKey);
      if (!Files.exists(bundle)) {
        throw new io.patchpipeline.engine.core.InputException(
            "BUNDLE", "", Terminal.safe(bundle.toString()) + ": file or folder not found");
      }
      BundleCheck check =
          Files.isDirectory(bundle)
              ? BundleVerifier.verify(bundle, signer)
              : EvidenceZip.verify(bundle, signer);
      PrintWriter out = spec.commandLine().getOut();
      check.problems().forEach(problem -> out.println("problem: " + Terminal.safe(problem)));
      out.println(
          Terminal.safe(bundle.toString())
              + (check.valid() ? ": intact" : ": changed")
              + ", "
              + signature(check, signer.isPresent()));
      return check.valid() ? ExitCodes.OK : ExitCodes.THRESHOLD;
    }

    /** Says what was checked: "signed" alone would read as "signature valid" without a key. */
    static String signature(BundleCheck check, boolean keyGiven) {
      if (!check.signed()) {
        return "unsigned";
      }
      if (!keyGiven) {
        return "signature not checked (no key given)";
      }
      return check.signatureVerified() ? "signature valid" : "signature invalid";
    }
  }
}
