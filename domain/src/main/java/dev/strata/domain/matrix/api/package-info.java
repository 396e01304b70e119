/** The build matrix: Linux and Darwin entries, kept with their YAML scalar types. */
package dev.strata.domain.matrix.api;
