package dev.strata.merge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The merge-service's layers (STYLE.md): boot names adapters; core and ports never do. */
class MergeLayeringTest {
  private static JavaClasses merge;

  @BeforeAll
  static void importMerge() {
    merge =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata.merge");
  }

  @Test
  void core_knowsPortsButNoAdapterOrBoot() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.merge.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.merge.adapter..", "dev.strata.merge.boot..")
        .check(merge);
  }

  @Test
  void ports_dependOnNothingElseOfTheService() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.merge.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.merge.core..", "dev.strata.merge.adapter..", "dev.strata.merge.boot..")
        .check(merge);
  }

  @Test
  void adapters_doNotReachIntoCoreOrBoot() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.merge.adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.merge.core..", "dev.strata.merge.boot..")
        .check(merge);
  }

  @Test
  void theServiceDependsOnNoOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.matrix..",
            "dev.strata.builder..",
            "dev.strata.darwin..",
            "dev.strata.gateway..",
            "dev.strata.launcher..")
        .check(merge);
  }
}
