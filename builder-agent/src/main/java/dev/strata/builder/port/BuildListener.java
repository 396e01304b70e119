package dev.strata.builder.port;

/** Receives a build's progress as it happens: output lines and step boundaries. */
public interface BuildListener {

  /** One output line of any command the build runs. */
  void line(String line);

  /**
   * A Dockerfile step started or finished.
   *
   * @param name the step as the builder prints it, e.g. {@code [build 2/5] RUN make}
   * @param finished false when it started, true when it finished (cached, done or failed)
   */
  default void step(String name, boolean finished) {}

  /**
   * A phase of the leg ended (for overhead measurements), e.g. {@code engine build}, {@code push}.
   */
  default void phase(String name, java.time.Duration took) {}

  /** A listener that ignores everything. */
  static BuildListener none() {
    return line -> {};
  }
}
