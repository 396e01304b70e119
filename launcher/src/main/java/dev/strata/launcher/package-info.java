/** The {@code strata} command: one role per process, or every role in one JVM. */
package dev.strata.launcher;
