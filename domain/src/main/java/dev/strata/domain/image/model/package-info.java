/**
 * Image policies: which repositories a pipeline writes to and the tags docker/metadata-action
 * computes (DOMAIN.md 4.7, 5.1).
 */
package dev.strata.domain.image.model;
