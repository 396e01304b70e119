package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.model.ImageNaming;

/**
 * The profile data a Linux leg's build plan needs (nothing here is hard-coded for LocalAI; its
 * values live in the profile file).
 *
 * @param naming the cache, publish and pull-request repositories
 * @param aptMirrors the APT mirrors per runner class
 * @param weekKeyStyle how {@code DEPS_REFRESH} is derived from the job start
 * @param defaultAmdgpuTargets the {@code AMDGPU_TARGETS} of entries without {@code amdgpu-targets}
 * @param ccacheMounts the backends whose Dockerfiles declare a ccache mount
 * @param webBaseUrl the hosting site, e.g. {@code https://github.com}: the {@code source} and
 *     {@code url} labels are {@code <webBaseUrl>/<owner>/<name>}
 */
public record LegProfile(
    ImageNaming naming,
    AptMirrorPolicy aptMirrors,
    WeekKeyStyle weekKeyStyle,
    String defaultAmdgpuTargets,
    CcacheMounts ccacheMounts,
    String webBaseUrl) {
  public LegProfile {
    Values.required(naming, "image naming");
    Values.required(aptMirrors, "APT mirror policy");
    Values.required(weekKeyStyle, "week key style");
    Values.required(defaultAmdgpuTargets, "default amdgpu-targets");
    Values.required(ccacheMounts, "ccache mounts");
    Values.required(webBaseUrl, "web base URL");
    while (webBaseUrl.endsWith("/")) {
      webBaseUrl = webBaseUrl.substring(0, webBaseUrl.length() - 1);
    }
  }
}
