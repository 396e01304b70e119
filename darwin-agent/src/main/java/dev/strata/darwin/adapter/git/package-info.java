/** Working trees checked out with the git command. */
package dev.strata.darwin.adapter.git;
