/** Caches: registry cache refs, ISO weeks and ccache mount ids. */
package dev.strata.domain.cache.api;
