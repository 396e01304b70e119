/**
 * The JDBC event store database: connection pool, transaction manager, H2 and PostgreSQL table
 * factories.
 */
package dev.strata.runtime.jdbc;
