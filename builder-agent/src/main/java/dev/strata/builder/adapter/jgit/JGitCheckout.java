package dev.strata.builder.adapter.jgit;

import dev.strata.builder.port.SourceCheckout;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Working trees with JGit: one clone per repository and worker slot under {@code
 * <root>/<owner>/<name>/w<slot>}, fetched only when the commit is missing, checked out detached at
 * the commit and cleaned; submodules are updated when the tree has any.
 */
public final class JGitCheckout implements SourceCheckout {
  private final Path root;
  private final Function<Repository, String> urlOf;

  /**
   * @param root where working trees live
   * @param urlOf the clone URL (or path) of a repository
   */
  public JGitCheckout(Path root, Function<Repository, String> urlOf) {
    this.root = root;
    this.urlOf = urlOf;
    // JGit measures the file system's timestamp resolution on first use (~3 s): in the background
    FS.FileStoreAttributes.setBackground(true);
  }

  @Override
  public Workspace checkout(
      Repository repository, CommitSha commit, String ref, String contextPath, int slot)
      throws CheckoutException, InterruptedException {
    String url = urlOf.apply(repository);
    Path dir = root.resolve(repository.owner()).resolve(repository.name()).resolve("w" + slot);
    try (Git git = open(dir, url)) {
      ObjectId id = ObjectId.fromString(commit.value());
      String fetched = "";
      if (!has(git, id)) {
        fetched = fetch(git, ref, id);
      }
      if (!has(git, id)) {
        throw new CheckoutException(
            "Tried to check out "
                + commit
                + " of "
                + repository
                + " but failed because: "
                + url
                + " does not have it (fetched "
                + fetched
                + ")",
            null);
      }
      ObjectId head = git.getRepository().resolve("HEAD");
      if (!id.equals(head) || !git.status().call().isClean()) {
        git.checkout().setName(commit.value()).setForced(true).call();
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
      }
      if (Files.exists(dir.resolve(".gitmodules"))) {
        git.submoduleInit().call();
        git.submoduleUpdate().call();
      }
      try (RevWalk walk = new RevWalk(git.getRepository())) {
        RevCommit c = walk.parseCommit(id);
        return new Workspace(
            dir, commit, c.getCommitterIdent().getWhenAsInstant(), treeDigest(git, c, contextPath));
      }
    } catch (IOException | GitAPIException e) {
      throw new CheckoutException(
          "Tried to check out "
              + commit
              + " of "
              + repository
              + " from "
              + url
              + " but failed because: "
              + e.getMessage(),
          e);
    }
  }

  private static Git open(Path dir, String url) throws IOException, GitAPIException {
    if (Files.isDirectory(dir.resolve(".git"))) {
      return Git.open(dir.toFile());
    }
    Files.createDirectories(dir.getParent());
    return Git.cloneRepository()
        .setURI(url)
        .setDirectory(dir.toFile())
        .setNoCheckout(true)
        .setCloneAllBranches(true)
        .call();
  }

  private static boolean has(Git git, ObjectId id) throws IOException {
    return git.getRepository().getObjectDatabase().has(id);
  }

  /**
   * Fetches branches and tags; when they do not bring {@code id} and {@code ref} is another ref (a
   * pull request's {@code refs/pull/N/merge}), fetches that ref on its own, so a ref the remote
   * lacks does not fail the branch fetch. Returns what was fetched, for the error message.
   */
  private static String fetch(Git git, String ref, ObjectId id)
      throws GitAPIException, IOException {
    git.fetch()
        .setRemote("origin")
        .setRefSpecs(
            new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"))
        .call();
    if (has(git, id)
        || ref == null
        || ref.startsWith("refs/heads/")
        || ref.startsWith("refs/tags/")) {
      return "branches and tags";
    }
    try {
      git.fetch()
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+" + ref + ":refs/remotes/origin/" + ref.substring(5)))
          .call();
      return "branches, tags and " + ref;
    } catch (TransportException e) {
      return "branches and tags; " + ref + " is not on the remote";
    }
  }

  /** {@code git-tree:<id>} of {@code path} at {@code commit} ({@code ./} is the root tree). */
  static String treeDigest(Git git, RevCommit commit, String path) throws IOException {
    String p = path == null ? "" : path.replaceFirst("^\\./", "").replaceAll("/+$", "");
    if (p.isEmpty() || p.equals(".")) {
      return "git-tree:" + commit.getTree().getName();
    }
    try (TreeWalk tw = TreeWalk.forPath(git.getRepository(), p, commit.getTree())) {
      return tw == null ? "" : "git-tree:" + tw.getObjectId(0).getName();
    }
  }

  /** The default clone URL template's expansion: {@code {repository}} is {@code owner/name}. */
  public static Function<Repository, String> template(String template) {
    return r -> template.replace("{repository}", r.fullName());
  }
}
