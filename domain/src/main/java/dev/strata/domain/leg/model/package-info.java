/**
 * Leg policies: the build-args of a Linux leg in LocalAI's order, the builder target, the APT
 * mirror per runner class, and what a leg reads and writes per trigger (DOMAIN.md 1.1, 4.2-4.7).
 */
package dev.strata.domain.leg.model;
