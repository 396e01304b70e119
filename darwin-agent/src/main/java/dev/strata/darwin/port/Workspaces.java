package dev.strata.darwin.port;

import java.nio.file.Path;

/** Checks out the commit a leg builds. */
public interface Workspaces {
  /** A working tree of {@code leg}'s repository at its commit (reused between legs). */
  Path checkout(ClaimedLeg leg) throws ProcessException;
}
