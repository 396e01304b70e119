/** OCI image tarballs: packaging, checking and publishing them. */
package dev.strata.darwin.adapter.oci;
