package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthChallengeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull" | bearer | https://auth.docker.io/token | registry.docker.io | repository:library/alpine:pull
          Bearer realm="https://quay.io/v2/auth",service="quay.io",scope="repository:go-skynet/ci-cache:pull,push"      | bearer | https://quay.io/v2/auth      | quay.io            | repository:go-skynet/ci-cache:pull,push
          bearer realm="http://127.0.0.1:9/t", scope="repository:a:pull repository:b:pull"                             | bearer | http://127.0.0.1:9/t         |                    | repository:a:pull repository:b:pull
          Basic realm="basic-realm"                                                                                    | basic  |                              |                    |
          Bearer realm=unquoted,service=svc                                                                            | bearer | unquoted                     | svc                |
          """)
  void parse_readsSchemeAndQuotedParametersWithCommas(
      String header, String scheme, String realm, String service, String scope) {
    AuthChallenge challenge = AuthChallenge.parse(header).orElseThrow();

    assertThat(challenge.scheme()).isEqualTo(scheme);
    assertThat(challenge.param("scope")).isEqualTo(scope);
    assertThat(challenge.param("service")).isEqualTo(service);
    if (scheme.equals("bearer")) {
      assertThat(challenge.param("realm")).isEqualTo(realm);
    } else {
      assertThat(challenge.params()).isEqualTo(Map.of("realm", "basic-realm"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Bearer realm="a\\"b",service="s" | a"b
          """)
  void parse_unescapesQuotedPairs(String header, String realm) {
    assertThat(AuthChallenge.parse(header).orElseThrow().param("realm")).isEqualTo(realm);
  }
}
