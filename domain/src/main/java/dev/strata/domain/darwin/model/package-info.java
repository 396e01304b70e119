/**
 * Darwin policies: the four native cache keys, their restore prefixes, and when each cache is
 * restored and saved (DOMAIN.md 8.2).
 */
package dev.strata.domain.darwin.model;
