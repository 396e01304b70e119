/** Reading the event log through Axon. */
package dev.strata.darwin.adapter.axon;
