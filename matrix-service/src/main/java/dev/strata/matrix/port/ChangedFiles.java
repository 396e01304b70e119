package dev.strata.matrix.port;

import dev.strata.domain.Values;
import java.util.List;

/** The changed-file list a plan filters with, or why there is none. */
public sealed interface ChangedFiles {

  /**
   * The list.
   *
   * @param files changed paths; a renamed file appears under its new path only
   * @param fromTruncatingSource the list comes from a source that cuts long lists off (a hosting
   *     API), so a push list at or above the profile's compare cap means "truncated": run-all
   */
  record Listed(List<String> files, boolean fromTruncatingSource) implements ChangedFiles {
    public Listed {
      files = List.copyOf(Values.required(files, "changed files"));
    }
  }

  /** No list could be obtained. */
  record Unavailable(String reason) implements ChangedFiles {
    public Unavailable {
      Values.required(reason, "reason");
    }
  }
}
