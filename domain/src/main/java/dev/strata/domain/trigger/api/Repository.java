package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/** A hosted repository, {@code owner/name} (GitHub's {@code full_name}). */
public record Repository(String owner, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  public Repository {
    Values.matching(owner, PART, "repository owner", "letters, digits, '_', '.', '-'");
    Values.matching(name, PART, "repository name", "letters, digits, '_', '.', '-'");
  }

  /** Parses {@code owner/name}. */
  public static Repository parse(String fullName) {
    Values.required(fullName, "repository");
    int slash = fullName.indexOf('/');
    if (slash <= 0 || slash != fullName.lastIndexOf('/')) {
      throw new IllegalArgumentException(
          "Invalid repository "
              + Values.quote(fullName)
              + ": expected owner/name, e.g. \"mudler/LocalAI\"");
    }
    return new Repository(fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  public String fullName() {
    return owner + "/" + name;
  }

  @Override
  public String toString() {
    return fullName();
  }
}
