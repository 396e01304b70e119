package dev.strata.domain.leg.model;

import dev.strata.domain.Values;

/**
 * The APT mirrors a leg's Dockerfile rewrites its sources to ({@code APT_MIRROR}, {@code
 * APT_PORTS_MIRROR}); an empty value means "keep the image's default".
 *
 * @param mirror the archive mirror, e.g. {@code http://azure.archive.ubuntu.com}
 * @param portsMirror the ports mirror (arm64 packages), e.g. {@code http://azure.ports.ubuntu.com}
 */
public record AptMirror(String mirror, String portsMirror) {
  public AptMirror {
    Values.required(mirror, "APT mirror");
    Values.required(portsMirror, "APT ports mirror");
  }
}
