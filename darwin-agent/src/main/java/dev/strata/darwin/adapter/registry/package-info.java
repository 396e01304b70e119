/** The registry: an HTTP client and the registry cache store (archives as OCI artifacts). */
package dev.strata.darwin.adapter.registry;
