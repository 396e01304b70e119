package dev.strata.launcher;

/** Bad input on the command line: printed as one line, exit code 2. */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }
}
