/**
 * The merge-service's composition root: settings, the runtime module the launcher installs, and the
 * {@code strata cache} command.
 */
package dev.strata.merge.boot;
