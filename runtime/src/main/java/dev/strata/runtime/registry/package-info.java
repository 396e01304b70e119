/**
 * The shared registry client: the distribution HTTP API on {@code java.net.http} and Jackson, one
 * class per remote operation ({@link dev.strata.runtime.registry.RegistryClient} gathers them),
 * Bearer/Basic authentication with credentials from configuration, a Docker {@code config.json} or
 * its credential helpers, and retries on transient failures. Services wrap it in their own ports.
 */
package dev.strata.runtime.registry;
