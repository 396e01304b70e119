package dev.strata.matrix.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** matrix-service layering (STYLE.md): core and ports know no adapter, tool or composition root. */
class LayeringTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata.matrix");

  @Test
  void core_dependsOnNoAdapterBootOrTool() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.matrix.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.matrix.adapter..",
            "dev.strata.matrix.boot..",
            "org.eclipse.jgit..",
            "com.fasterxml.jackson..",
            "org.yaml..",
            "picocli..",
            "java.io..",
            "java.nio.file..")
        .check(CLASSES);
  }

  @Test
  void ports_dependOnlyOnTheDomain() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.matrix.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.matrix.core..", "dev.strata.matrix.adapter..", "dev.strata.matrix.boot..")
        .check(CLASSES);
  }

  @Test
  void adapters_doNotImportEachOther() {
    for (String tech : new String[] {"yaml", "json", "file", "jgit"}) {
      noClasses()
          .that()
          .resideInAPackage("dev.strata.matrix.adapter." + tech + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(otherAdapters(tech))
          .check(CLASSES);
    }
  }

  private static String[] otherAdapters(String tech) {
    return java.util.stream.Stream.of("yaml", "json", "file", "jgit")
        .filter(t -> !t.equals(tech))
        .map(t -> "dev.strata.matrix.adapter." + t + "..")
        .toArray(String[]::new);
  }
}
