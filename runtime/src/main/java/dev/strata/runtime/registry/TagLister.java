package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"} pages. A repository
 * the registry does not know has no tags.
 */
public final class TagLister {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final int PAGE = 1000;

  private final RegistryTransport transport;

  public TagLister(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Every tag of {@code repository}. */
  public List<String> list(ImageRef repository) throws RegistryException {
    List<String> tags = new ArrayList<>();
    RegistryCall call =
        transport
            .call("list tags of", repository.toString(), "GET", repository, "tags/list?n=" + PAGE)
            .scope(Scopes.pull(repository));
    while (call != null) {
      HttpResponse<byte[]> response = transport.send(call, Set.of(200, 404));
      if (response.statusCode() == 404) {
        return tags;
      }
      try {
        JsonNode page = JSON.readTree(response.body()).path("tags");
        page.forEach(t -> tags.add(t.asText()));
      } catch (IOException e) {
        throw new RegistryException(
            call.action(), call.ref(), 200, null, "the tag list is not JSON", e);
      }
      Optional<URI> next = next(call.uri(), response);
      call = next.isPresent() ? call.to("GET", next.get()) : null;
    }
    return tags;
  }

  private static Optional<URI> next(URI current, HttpResponse<byte[]> response) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return Optional.of(current.resolve(m.group(1)));
      }
    }
    return Optional.empty();
  }
}
