/** Cache archives: tar + zstd. */
package dev.strata.darwin.adapter.archive;
