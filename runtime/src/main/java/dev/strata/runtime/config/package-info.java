/**
 * Strata configuration: the {@code StrataConfig} value and its loader (YAML file plus {@code
 * STRATA_*} environment).
 */
package dev.strata.runtime.config;
