package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.http.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The location of a ticket system's secret for the CLI: the name of an environment variable or a
 * file, so that no secret sits in a configuration file or on a command line. With a user the secret
 * is a password or API token sent as HTTP Basic; without one it is a Bearer token.
 *
 * @param source the configuration file and position, for messages
 */
public record SecretRef(
    Optional<String> user, Optional<String> env, Optional<Path> file, String source) {

  public static final SecretRef NONE =
      new SecretRef(Optional.empty(), Optional.empty(), Optional.empty(), "");

  /**
   * Reads the secret and returns the credentials.
   *
   * @param environment looks up an environment variable, normally {@link System#getenv(String)}
   * @throws InputException naming the variable or file, never the value, when it is missing
   */
  public Credentials resolve(Function<String, String> environment) throws IOException {
    if (env.isEmpty() && file.isEmpty()) {
      return Credentials.none();
    }
    String secret = env.isPresent() ? fromEnvironment(environment) : fromFile();
    return user.isPresent() ? Credentials.basic(user.get(), secret) : Credentials.bearer(secret);
  }

  private String fromEnvironment(Function<String, String> environment) {
    String value = environment.apply(env.get());
    if (value == null || value.isBlank()) {
      throw new InputException(
          source,
          "",
          "the environment variable "
              + env.get()
              + " is not set or empty; set it to the token or password");
    }
    return value.strip();
  }

  private String fromFile() throws IOException {
    Path path = file.get();
    if (!Files.isRegularFile(path)) {
      throw new InputException(source, "", "the secret file " + path + " does not exist");
    }
    String value = Files.readString(path, StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new InputException(source, "", "the secret file " + path + " is empty");
    }
    return value;
  }
}
