package dev.strata.builder.core;

import dev.strata.builder.port.BuildListener;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.agent.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a leg's progress to the gateway: output lines are buffered and sent with the current step
 * every {@code interval} (each send also extends the lease). When the gateway says the agent no
 * longer holds the leg, {@code onLeaseLost} runs once (the agent stops the build). Also collects
 * the leg's phase timings.
 */
public final class ProgressStream implements BuildListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressStream.class);
  private static final int MAX_BUFFER = 5000;

  private final GatewayClient gateway;
  private final AgentId agent;
  private final String leg;
  private final Runnable onLeaseLost;
  private final Thread flusher;
  private final List<String> buffer = new ArrayList<>();
  private final Map<String, Duration> phases = new LinkedHashMap<>();
  private String step;
  private volatile boolean closed;
  private volatile boolean leaseLost;

  public ProgressStream(
      GatewayClient gateway, AgentId agent, String leg, Duration interval, Runnable onLeaseLost) {
    this.gateway = gateway;
    this.agent = agent;
    this.leg = leg;
    this.onLeaseLost = onLeaseLost;
    this.flusher =
        new Thread(
            () -> {
              while (!closed) {
                try {
                  Thread.sleep(interval.toMillis());
                  flush();
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "progress-" + leg);
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public void line(String line) {
    synchronized (buffer) {
      if (buffer.size() >= MAX_BUFFER) {
        buffer.remove(0);
      }
      buffer.add(line);
    }
  }

  @Override
  public void step(String name, boolean finished) {
    synchronized (buffer) {
      step = name;
    }
  }

  @Override
  public void phase(String name, Duration took) {
    synchronized (phases) {
      phases.merge(name, took, Duration::plus);
    }
  }

  /** The phases recorded so far. */
  public Map<String, Duration> phases() {
    synchronized (phases) {
      return new LinkedHashMap<>(phases);
    }
  }

  public boolean leaseLost() {
    return leaseLost;
  }

  /** Sends what is buffered now. */
  public void flush() throws InterruptedException {
    List<String> lines;
    String current;
    synchronized (buffer) {
      lines = new ArrayList<>(buffer);
      buffer.clear();
      current = step;
      step = null;
    }
    if (lines.isEmpty() && current == null) {
      return;
    }
    try {
      if (!gateway.progress(agent, leg, current, lines) && !leaseLost) {
        leaseLost = true;
        LOG.warn("The gateway says this agent no longer holds {}; stopping its build", leg);
        onLeaseLost.run();
      }
    } catch (GatewayException e) {
      // progress is best effort; the heartbeat keeps the lease
      LOG.debug("Progress of {} not delivered: {}", leg, e.getMessage());
    }
  }

  /** Stops the periodic sends and sends what is left. */
  public void close() throws InterruptedException {
    closed = true;
    flusher.interrupt();
    flusher.join(1000);
    flush();
  }
}
