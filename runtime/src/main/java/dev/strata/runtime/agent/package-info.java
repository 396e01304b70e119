/**
 * The HTTP client build agents (the builder and the Darwin agent) use to talk to the gateway's
 * agent API: register, heartbeat, long-poll claim with a lease, progress, result, failure.
 */
package dev.strata.runtime.agent;
