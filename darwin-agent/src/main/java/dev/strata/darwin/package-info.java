/** Strata darwin-agent: native macOS builds with their four caches, budget and publishing. */
package dev.strata.darwin;
