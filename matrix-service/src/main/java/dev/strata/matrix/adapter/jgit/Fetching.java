package dev.strata.matrix.adapter.jgit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;

/**
 * Brings a local clone or mirror up to date before a plan: when a commit the plan needs is missing
 * and the repository has a remote, fetches from it (with its configured refspecs).
 */
public final class Fetching {
  private Fetching() {}

  /**
   * Fetches from the repository's first remote ({@code origin} when present) unless every commit in
   * {@code needed} is already there.
   *
   * @return why fetching failed, or empty when it succeeded or was not needed
   */
  public static Optional<String> ensure(Repository repository, List<String> needed) {
    if (missing(repository, needed).isEmpty()) {
      return Optional.empty();
    }
    Optional<RemoteConfig> remote;
    try {
      List<RemoteConfig> remotes = RemoteConfig.getAllRemoteConfigs(repository.getConfig());
      remote =
          remotes.stream()
              .filter(r -> r.getName().equals("origin"))
              .findFirst()
              .or(() -> remotes.stream().findFirst());
    } catch (java.net.URISyntaxException e) {
      return Optional.of(
          "Tried to read the remotes of " + repository + " but failed because: " + e.getMessage());
    }
    if (remote.isEmpty() || remote.get().getURIs().isEmpty()) {
      return Optional.empty();
    }
    String name = remote.get().getName();
    URIish uri = remote.get().getURIs().get(0);
    try {
      Git.wrap(repository).fetch().setRemote(name).call();
      return Optional.empty();
    } catch (GitAPIException | RuntimeException e) {
      return Optional.of(
          "Tried to fetch remote "
              + name
              + " ("
              + uri.setUser(null).setPass(null)
              + ") but failed because: "
              + e.getMessage());
    }
  }

  /** The commits of {@code needed} the repository does not have (or that are not commit ids). */
  public static List<String> missing(Repository repository, List<String> needed) {
    return needed.stream().filter(sha -> !present(repository, sha)).toList();
  }

  private static boolean present(Repository repository, String sha) {
    try {
      ObjectId id = ObjectId.fromString(sha);
      return repository.getObjectDatabase().has(id);
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
