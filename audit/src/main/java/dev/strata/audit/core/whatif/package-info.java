/** What-if: the recorded triggers planned again with another profile, compared leg for leg. */
package dev.strata.audit.core.whatif;
