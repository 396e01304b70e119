package dev.strata.matrix.adapter.json;

import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.port.ChangedFiles;
import java.nio.file.Path;

/**
 * One parsed batch request line.
 *
 * @param id the case name
 * @param eventName the GitHub event name (informational: the payload decides)
 * @param request event and environment
 * @param changed the changed-file list, or why there is none; null when the request has no {@code
 *     changedFiles} key (repository mode when {@code repo} is given)
 * @param matrixFile the checked-out matrix (null in repository mode)
 * @param previousMatrixFile previous matrix revision, or null when unavailable or not provided
 * @param protoFile checked-out proto, or null
 * @param previousProtoFile previous proto revision, or null
 * @param repo a repository to plan from (repository mode), or null
 */
public record BatchRequest(
    String id,
    String eventName,
    PlanRequest request,
    ChangedFiles changed,
    Path matrixFile,
    Path previousMatrixFile,
    Path protoFile,
    Path previousProtoFile,
    Path repo) {}
