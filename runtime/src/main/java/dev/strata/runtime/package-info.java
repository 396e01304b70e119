/**
 * Axon wiring shared by every Strata process, without Spring: {@link
 * dev.strata.runtime.StrataRuntime} puts the event store, token store, serializer, JDBC
 * transactions, command bus and tracking processors together from a {@link
 * dev.strata.runtime.config.StrataConfig}; services contribute their parts as {@link
 * dev.strata.runtime.RuntimeModule}s.
 */
package dev.strata.runtime;
