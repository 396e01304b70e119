package dev.strata.runtime;

/**
 * What one service contributes to a runtime: its aggregates, command handlers, event handlers and
 * components. A service's {@code boot} package implements one; a process installs the modules of
 * the roles it runs ({@code strata serve} installs all of them into one runtime).
 *
 * <pre>{@code
 * StrataRuntime runtime = StrataRuntime.builder(config)
 *     .install(new MatrixModule(...))
 *     .install(new MergeModule(...))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RuntimeModule {

  /** Registers this module's parts on {@code builder}. Does no I/O. */
  void contributeTo(StrataRuntimeBuilder builder);
}
