/** The control plane over the gateway's agent API (the shared {@code GatewayClient}). */
package dev.strata.darwin.adapter.http;
