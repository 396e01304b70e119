/** Strata api-gateway. */
package dev.strata.gateway;
