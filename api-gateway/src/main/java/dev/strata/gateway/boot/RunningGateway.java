package dev.strata.gateway.boot;

/** A started gateway: its bound port; closing it stops the server, timers and threads. */
public interface RunningGateway extends AutoCloseable {

  /** The port the HTTP server listens on. */
  int port();

  @Override
  void close();
}
