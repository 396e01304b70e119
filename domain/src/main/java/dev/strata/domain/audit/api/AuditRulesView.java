package dev.strata.domain.audit.api;

/**
 * The thresholds an audit applied, as printed in its report.
 *
 * @param mergeWindow how long a pushed digest may wait for its merge (ISO-8601 duration)
 * @param pythonStaleAfter how long a Python entry may go without a successful build
 * @param darwinBudgetBytes the Darwin cache budget per repository, in bytes
 * @param entryLimit how many latest entries each cache ref lists (0 = all)
 */
public record AuditRulesView(
    String mergeWindow, String pythonStaleAfter, long darwinBudgetBytes, int entryLimit) {}
