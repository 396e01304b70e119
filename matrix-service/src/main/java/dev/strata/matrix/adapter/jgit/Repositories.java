package dev.strata.matrix.adapter.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** Opens local repositories (a work tree or a bare mirror) for reading. */
public final class Repositories {
  static {
    // JGit otherwise stalls ~3 s on first use measuring file-system timestamp resolution
    FS.FileStoreAttributes.setBackground(true);
  }

  private Repositories() {}

  /**
   * Opens {@code dir}.
   *
   * @throws IOException when {@code dir} is not a git repository
   */
  public static Repository open(Path dir) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    if (Files.isDirectory(dir.resolve(".git"))) {
      builder.setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile());
    } else {
      builder.setGitDir(dir.toFile());
    }
    return builder.build();
  }
}
