/** What the audit needs from the outside: the event log to replay. */
package dev.strata.audit.port;
