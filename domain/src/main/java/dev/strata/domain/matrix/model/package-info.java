/** Matrix policies: grouping Linux legs into merge jobs by tag-suffix (DOMAIN.md 3.10). */
package dev.strata.domain.matrix.model;
