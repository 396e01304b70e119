package dev.strata.darwin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's layering (STYLE.md): boot names adapters; core and ports never do. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata.darwin");

  @Test
  void coreAndPorts_doNotDependOnAdaptersOrBoot() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.strata.darwin.core..", "dev.strata.darwin.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.darwin.adapter..", "dev.strata.darwin.boot..")
        .check(CLASSES);
  }

  @Test
  void adapters_doNotDependOnEachOther() {
    slices()
        .matching("dev.strata.darwin.adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .check(CLASSES);
  }

  @Test
  void nothingButBoot_usesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.strata.darwin.boot..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(CLASSES);
  }
}
