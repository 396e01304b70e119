/**
 * Cache policies: registry cache refs, digest artifact names, keepalive anchors, builder-base refs,
 * week keys and ccache mount ids (DOMAIN.md 2.4, 4.8, 6.1, 7, 15.3).
 */
package dev.strata.domain.cache.model;
