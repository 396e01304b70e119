/** The directory cache store. */
package dev.strata.darwin.adapter.dir;
