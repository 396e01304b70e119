package dev.strata.domain.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The domain is pure: no I/O, no clock, no environment, no randomness (ARCHITECTURE.md). */
class DomainPurityTest {
  private static JavaClasses domain;

  @BeforeAll
  static void importDomain() {
    domain =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata.domain");
  }

  @Test
  void domain_doesNoIo() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..")
            .because("the domain does no I/O; adapters in the services do");
    rule.check(domain);
  }

  @Test
  void domain_readsNoClockEnvironmentOrRandomness() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.UUID")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.security.SecureRandom")
        .because("time and ids arrive in commands")
        .check(domain);
  }

  @Test
  void domain_dependsOnNoFrameworkButAxonModelling() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx..",
            "com.fasterxml..",
            "org.eclipse.jgit..",
            "com.github.dockerjava..",
            "org.axonframework.config..",
            "org.axonframework.eventsourcing.eventstore..",
            "dev.strata.runtime..",
            "dev.strata.matrix..",
            "dev.strata.builder..",
            "dev.strata.darwin..",
            "dev.strata.merge..",
            "dev.strata.gateway..",
            "dev.strata.launcher..")
        .check(domain);
  }
}
