/** Replays the event log into the audit model; the audit service the gateway calls. */
package dev.strata.audit.core;
