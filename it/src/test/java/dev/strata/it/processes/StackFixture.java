package dev.strata.it.processes;

import java.nio.file.Path;
import java.util.List;

/** What a {@link ProcessStack} runs on: a repository, its profile, merge settings, runners. */
interface StackFixture extends AutoCloseable {
  /** The local repository the matrix role plans from and agents clone. */
  Path repo();

  /** The repository's name in triggers, e.g. {@code procs/fixture}. */
  String repository();

  Path profileFile();

  Path mergeFile();

  /** The runner classes the agents serve. */
  List<String> runnerClasses();

  @Override
  void close();
}
