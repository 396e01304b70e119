/**
 * The audit model: fed the event log one event at a time (in log order), it accumulates cache reads
 * and writes per ref and detects the invariant violations of issue 8, each with the events that
 * prove it ({@link dev.strata.domain.audit.model.Auditor}); and it explains a leg's cache miss from
 * the recorded inputs ({@link dev.strata.domain.audit.model.MissExplainer}). Pure: no I/O, no
 * clock; "now" is the latest event time or the query's end.
 */
package dev.strata.domain.audit.model;
