package dev.orchestrator.core.registry;

/**
 * A user name and secret for one registry, and where they came from. {@link #toString()} never
 * shows the secret: these reach messages.
 *
 * @param username {@code <token>} when the secret is an identity token (a refresh token for the
 *     token endpoint), as credential helpers and {@code identitytoken} entries give them
 * @param source where they were found, for messages: the config file, and the helper if any
 */
public record Credentials(String username, String secret, String source) {

  boolean identityToken() {
    return username.equals("<token>") || username.isEmpty();
  }

  /** For messages: the user and the source, never the secret. */
  public String describe() {
    return (identityToken() ? "an identity token" : "user '" + username + "'") + " from " + source;
  }

  @Override
  public String toString() {
    return "Credentials[" + describe() + "]";
  }
}
