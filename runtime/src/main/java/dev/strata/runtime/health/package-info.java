/** Health of a runtime: event store reachability and tracking processor state, as values. */
package dev.strata.runtime.health;
