/**
 * The merge-service's core: the run ledger (a projection of the log), the merge planner (complete
 * indexes only), index publishing, keepalive clean-up, the merge processor, and the cache
 * inventory, eviction and collection behind {@code strata cache}.
 */
package dev.strata.merge.core;
