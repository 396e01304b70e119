package dev.strata.it.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GitHub event payloads, shaped as GitHub sends them, for {@code POST /v1/triggers}. */
final class GithubEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GithubEvents() {}

  /** A GitHub {@code push} payload. */
  static ObjectNode push(String repository, String ref, String before, String after) {
    ObjectNode p = JSON.createObjectNode();
    p.put("ref", ref);
    p.put("before", before);
    p.put("after", after);
    p.putObject("repository").put("full_name", repository);
    return p;
  }

  /** A GitHub {@code pull_request} payload (action {@code opened}) from the same repository. */
  static ObjectNode pullRequest(
      String repository, int number, String base, String head, String merge) {
    ObjectNode p = JSON.createObjectNode();
    p.put("action", "opened");
    p.put("number", number);
    ObjectNode pr = p.putObject("pull_request");
    pr.put("merge_commit_sha", merge);
    ObjectNode h = pr.putObject("head");
    h.put("sha", head);
    h.putObject("repo").put("full_name", repository);
    ObjectNode b = pr.putObject("base");
    b.put("sha", base);
    b.putObject("repo").put("full_name", repository);
    p.putObject("repository").put("full_name", repository);
    return p;
  }
}
