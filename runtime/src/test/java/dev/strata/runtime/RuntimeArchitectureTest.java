package dev.strata.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** runtime sits between domain and the services: it knows no service, no HTTP, no XStream. */
@AnalyzeClasses(
    packages = "dev.strata.runtime",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

  @ArchTest
  static final ArchRule knowsNoService =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.strata.matrix..",
              "dev.strata.builder..",
              "dev.strata.darwin..",
              "dev.strata.merge..",
              "dev.strata.gateway..",
              "dev.strata.launcher..");

  @ArchTest
  static final ArchRule staysOffTheEventLoop =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..");

  @ArchTest
  static final ArchRule neverUsesXStream =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.thoughtworks.xstream..", "org.axonframework.serialization.xml..");
}
