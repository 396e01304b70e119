/**
 * Renders audit reports and miss explanations as text, JSON and one self-contained HTML page with
 * inline SVG charts. Pure functions of the report: the same report renders to the same bytes.
 */
package dev.strata.audit.core.report;
