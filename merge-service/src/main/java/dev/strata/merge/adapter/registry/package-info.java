/**
 * The registry adapter: the distribution HTTP API on {@code java.net.http} and Jackson, one class
 * per remote operation, with Bearer/Basic authentication and retries on transient failures.
 */
package dev.strata.merge.adapter.registry;
