package dev.strata.matrix.port;

/**
 * Which change a plan is about: a push ({@code before...after}, diffed from the merge base) or a
 * pull request ({@code merge-base(base, head)..head}).
 *
 * @param pullRequest true for a pull request
 * @param from {@code before} for a push, the base sha for a pull request (may be null for a PR)
 * @param to {@code after} for a push, the head sha for a pull request (may be null for a PR)
 */
public record ChangeRange(boolean pullRequest, String from, String to) {

  public static ChangeRange push(String before, String after) {
    return new ChangeRange(false, before, after);
  }

  public static ChangeRange pullRequest(String base, String head) {
    return new ChangeRange(true, base, head);
  }
}
