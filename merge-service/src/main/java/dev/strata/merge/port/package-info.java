/** Ports of the merge-service: what its core needs from the outside world. */
package dev.strata.merge.port;
