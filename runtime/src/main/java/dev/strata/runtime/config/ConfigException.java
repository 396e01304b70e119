package dev.strata.runtime.config;

/**
 * Bad configuration or an environment that does not fit it: an unknown key, a value of the wrong
 * shape, an unreachable database, an unwritable data directory.
 *
 * <p>The message is one line that says what and where (file and line, environment variable,
 * directory or database URL without its password), fit to print as it is. The launcher turns it
 * into that line and exit code 2.
 */
public final class ConfigException extends Exception {

  /** A problem described by {@code message} alone. */
  public ConfigException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, caused by {@code cause}. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
