/**
 * The published language of {@code strata audit}: the query, the report (cache refs, invariant
 * violations with the events that prove them), the explanation of a cache miss, and the {@link
 * dev.strata.domain.audit.api.AuditService} port the gateway calls (DOMAIN.md 10 and 15).
 */
package dev.strata.domain.audit.api;
