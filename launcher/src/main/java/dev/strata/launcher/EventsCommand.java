package dev.strata.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata events}: prints the event log. */
@Command(
    name = "events",
    description = "Print the event log from the beginning (and new events with --follow).")
final class EventsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = "--follow", description = "Keep printing new events until interrupted.")
  boolean follow;

  @Option(names = "--json", description = "One JSON object per line instead of text.")
  boolean json;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description = "Only the events of this run (aggregate id).")
  String run;

  private final ObjectMapper mapper = StrataSerializers.objectMapper();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (StrataRuntime runtime = Roles.runtime(options.load(), List.of()).start();
        BlockingStream<TrackedEventMessage<?>> stream = runtime.eventStore().openStream(null)) {
      while (true) {
        boolean more =
            follow
                ? stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)
                : stream.hasNextAvailable();
        if (!more) {
          if (!follow) {
            break;
          }
          continue;
        }
        TrackedEventMessage<?> message = stream.nextAvailable();
        String aggregateId =
            message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : "";
        if (run != null && !run.equals(aggregateId)) {
          continue;
        }
        out.println(json ? json(message, aggregateId) : text(message, aggregateId));
        out.flush();
      }
    }
    return 0;
  }

  private static long index(TrackingToken token) {
    return token == null ? -1 : token.position().orElse(-1);
  }

  private String text(TrackedEventMessage<?> m, String aggregateId) {
    return String.format(
        "%6d  %s  %-22s %s  %s",
        index(m.trackingToken()),
        m.getTimestamp(),
        m.getPayloadType().getSimpleName(),
        aggregateId,
        abbreviate(mapper.valueToTree(m.getPayload()).toString(), 160));
  }

  private String json(TrackedEventMessage<?> m, String aggregateId) {
    ObjectNode node = mapper.createObjectNode();
    node.put("index", index(m.trackingToken()));
    node.put("timestamp", m.getTimestamp().toString());
    node.put("type", m.getPayloadType().getSimpleName());
    node.put("aggregateId", aggregateId);
    if (m instanceof DomainEventMessage<?> d) {
      node.put("sequence", d.getSequenceNumber());
    }
    node.set("payload", mapper.valueToTree(m.getPayload()));
    return node.toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
