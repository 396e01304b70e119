/** Strata matrix-service. */
package dev.strata.matrix;
