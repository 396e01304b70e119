package dev.strata.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strata version}. */
@Command(name = "version", description = "Print the version of Strata.")
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static String version() {
    String v = Strata.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  @Override
  public Integer call() {
    spec.commandLine().getOut().println("strata " + version());
    spec.commandLine().getOut().println("java " + Runtime.version());
    return 0;
  }

  /** Picocli's {@code --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"strata " + version()};
    }
  }
}
