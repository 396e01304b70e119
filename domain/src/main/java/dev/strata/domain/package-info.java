/**
 * Strata's domain: the published language (commands, events, value objects) and the pure policies
 * every service shares. No I/O, no clock, no environment, no randomness: time and ids arrive in
 * commands. {@code DomainPurityTest} enforces it.
 */
package dev.strata.domain;
