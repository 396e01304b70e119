/**
 * Composition root of the audit: the {@code strata audit} and {@code strata dev seed-history}
 * commands, and {@link dev.strata.audit.boot.AuditWiring} for processes that serve the audit.
 */
package dev.strata.audit.boot;
