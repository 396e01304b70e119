/** The registry adapter: the merge-service's registry port on runtime's shared registry client. */
package dev.strata.merge.adapter.registry;
