package dev.strata.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit is a service like the others: domain and runtime only; layers inside (STYLE.md). */
class AuditArchitectureTest {
  static JavaClasses audit;

  @BeforeAll
  static void load() {
    audit =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata.audit");
  }

  @Test
  void dependsOnNoOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.matrix..",
            "dev.strata.builder..",
            "dev.strata.darwin..",
            "dev.strata.merge..",
            "dev.strata.gateway..",
            "dev.strata.launcher..",
            "io.vertx..")
        .check(audit);
  }

  @Test
  void coreAndPortsKnowNoAdapterOrBoot() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.strata.audit.core..", "dev.strata.audit.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.audit.adapter..", "dev.strata.audit.boot..")
        .check(audit);
  }

  @Test
  void adaptersDoNotImportEachOther() {
    for (String a : new String[] {"jdbc", "axon", "yaml"}) {
      noClasses()
          .that()
          .resideInAPackage("dev.strata.audit.adapter." + a + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              java.util.Arrays.stream(new String[] {"jdbc", "axon", "yaml"})
                  .filter(b -> !b.equals(a))
                  .map(b -> "dev.strata.audit.adapter." + b + "..")
                  .toArray(String[]::new))
          .check(audit);
    }
  }
}
