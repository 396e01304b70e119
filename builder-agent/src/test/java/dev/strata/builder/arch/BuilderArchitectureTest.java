package dev.strata.builder.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The builder's layers (STYLE.md): boot names adapters; core and ports never do. */
class BuilderArchitectureTest {
  private static JavaClasses builder;

  @BeforeAll
  static void importBuilder() {
    builder =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata.builder");
  }

  @Test
  void adapters_doNotImportEachOther() {
    slices()
        .matching("dev.strata.builder.adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each adapter stands alone behind a port")
        .check(builder);
  }

  @Test
  void coreAndPorts_neverNameAnAdapterOrTheCompositionRoot() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.strata.builder.core..", "dev.strata.builder.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.builder.adapter..", "dev.strata.builder.boot..")
        .because("only boot names concrete adapters")
        .check(builder);
  }

  @Test
  void ports_dependOnNoCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.builder.port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.strata.builder.core..")
        .check(builder);
  }

  @Test
  void theBuilder_knowsNoOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.gateway..",
            "dev.strata.matrix..",
            "dev.strata.merge..",
            "dev.strata.darwin..")
        .because("services never depend on each other (ARCHITECTURE.md)")
        .check(builder);
  }
}
