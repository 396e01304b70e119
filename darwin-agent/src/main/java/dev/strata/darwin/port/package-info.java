/**
 * The darwin-agent's ports: external processes, the cache store, the image publisher and the
 * control plane (the gateway's agent API).
 */
package dev.strata.darwin.port;
