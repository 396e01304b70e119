package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker credential helpers: fake {@code docker-credential-*} scripts on a search path stand in for
 * the real ones (desktop, pass, ecr-login...), answering by the server URL read from stdin.
 */
class CredentialHelpersTest {
  @TempDir Path dir;
  private Path bin;
  private Path asked;

  @BeforeEach
  void helpers() throws Exception {
    bin = Files.createDirectories(dir.resolve("bin"));
    asked = dir.resolve("asked.log");
    // "store": knows docker hub and ghcr.io; logs every question
    script(
        "store",
        "read url\n"
            + "echo \"$url\" >> "
            + asked
            + "\n"
            + "case \"$url\" in\n"
            + "  https://index.docker.io/v1/) echo '{\"ServerURL\":\"'$url'\",\"Username\":\"hubber\","
            + "\"Secret\":\"hub-secret\"}' ;;\n"
            + "  ghcr.io) echo '{\"ServerURL\":\"ghcr.io\",\"Username\":\"gh\",\"Secret\":\"gh-pat\"}' ;;\n"
            + "  *) echo 'credentials not found in native keychain' >&2; exit 1 ;;\n"
            + "esac\n");
    // "quay": the per-host helper of quay.io
    script(
        "quay",
        "read url\necho '{\"ServerURL\":\"'$url'\",\"Username\":\"go-skynet+ci\",\"Secret\":\"q\"}'\n");
  }

  private void script(String name, String body) throws Exception {
    Path p = bin.resolve("docker-credential-" + name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private RegistryCredentials load(String json) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, json);
    return RegistryCredentials.fromDockerConfig(
        config, CredentialHelpers.onPath(dir.resolve("empty") + ":" + bin));
  }

  @Test
  void credsStore_answersForHostsWithoutAnEntry_dockerHubByItsIndexUrl() throws Exception {
    RegistryCredentials c = load("{\"credsStore\":\"store\"}");

    assertThat(c.forHost("docker.io")).contains(new Credential("hubber", "hub-secret"));
    assertThat(c.forHost("ghcr.io")).contains(new Credential("gh", "gh-pat"));
    assertThat(c.forHost("127.0.0.1:5000")).as("the helper exits 1: not found").isEmpty();
  }

  @Test
  void credHelpers_winOverAuths_andAuthsWinOverTheStore() throws Exception {
    RegistryCredentials c =
        load(
            "{\"auths\":{\"quay.io\":{\"username\":\"old\",\"password\":\"x\"},"
                + "\"ghcr.io\":{\"username\":\"file\",\"password\":\"y\"}},"
                + "\"credHelpers\":{\"quay.io\":\"quay\"},\"credsStore\":\"store\"}");

    assertThat(c.forHost("quay.io")).contains(new Credential("go-skynet+ci", "q"));
    assertThat(c.forHost("ghcr.io")).contains(new Credential("file", "y"));
  }

  @Test
  void aHelper_isAskedOncePerHost() throws Exception {
    RegistryCredentials c = load("{\"credsStore\":\"store\"}");

    c.forHost("ghcr.io");
    c.forHost("ghcr.io");
    c.forHost("docker.io");

    assertThat(Files.readAllLines(asked)).containsExactly("ghcr.io", "https://index.docker.io/v1/");
  }

  @Test
  void aMissingHelper_givesNoCredential() throws Exception {
    RegistryCredentials c = load("{\"credHelpers\":{\"quay.io\":\"ecr-login\"}}");

    assertThat(c.forHost("quay.io")).isEmpty();
  }

  @Test
  void givenCredentials_override_aStoreOfTheDockerConfig() throws Exception {
    RegistryCredentials c =
        load("{\"credsStore\":\"store\"}")
            .with(RegistryCredentials.of(java.util.Map.of("ghcr.io", new Credential("cfg", "z"))));

    assertThat(c.forHost("ghcr.io")).contains(new Credential("cfg", "z"));
    assertThat(c.forHost("docker.io")).contains(new Credential("hubber", "hub-secret"));
    assertThat(c.toString()).doesNotContain("hub-secret").doesNotContain("z\"");
  }

  @Test
  void anAnswerThatIsNotJson_givesNoCredential() {
    assertThat(CredentialHelpers.parse("user pass".getBytes(), "x", "quay.io")).isEmpty();
    assertThat(
            CredentialHelpers.parse(
                "{\"Username\":\"u\",\"Secret\":\"s\"}".getBytes(), "x", "quay.io"))
        .contains(new Credential("u", "s"));
  }
}
