package org.civicportal.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of STYLE.md as build failures (issue 15): web classes reach the domain only
 * through boundaries — never an entity manager, a control class or another feature's entity — and
 * the features of the domain form no cycle. The first and third hold today; the other two tolerate
 * only today's violations, listed under {@code src/test/resources}, so they can only shrink.
 */
class ArchitectureTest {
  private static JavaClasses portal;

  @BeforeAll
  static void importClasses() {
    portal =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the portal's own main code, from directories or (in a reactor build) its jars, never
            // the test jar of search-index
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.civicportal");
  }

  /** Classes of pages, resources and servlets: the web side of every feature. */
  private static final DescribedPredicate<JavaClass> WEB =
      DescribedPredicate.describe(
          "web classes",
          c ->
              c.getPackageName().matches("org\\.civicportal(\\.[a-z0-9]+)*\\.(web|api|open311)")
                  || c.getPackageName().equals("org.civicportal.web"));

  @Test
  void webClassesNeverReachAnEntityManager() {
    noClasses()
        .that(WEB)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .check(portal);
  }

  /**
   * Frozen: the violations of today are listed in {@code src/test/resources/archunit-frozen} and
   * tolerated until they are refactored away (each one fixed is dropped from the list); any new one
   * fails the build.
   */
  @Test
  void webClassesReachNoControlClass() {
    FreezingArchRule.freeze(
            noClasses()
                .that(WEB)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.civicportal..control.."))
        .check(portal);
  }

  @Test
  void webClassesReachOnlyTheirOwnFeaturesEntities() {
    noClasses().that(WEB).should(reachAnotherFeaturesEntity()).check(portal);
  }

  /**
   * No new cycle between features. A dependency of one feature on another is cyclic when the other
   * reaches back to it; today's cyclic dependencies are listed in {@code
   * src/test/resources/architecture/cyclic-feature-dependencies.txt}, and only they are tolerated.
   * (Not ArchUnit's cycle rule frozen: it reports at most a hundred cycles, not always the same
   * ones, so a frozen list of them would fail on changes that add none.)
   */
  @Test
  void featuresFormNoNewCycle() throws Exception {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass c : portal) {
      String from = feature(c.getPackageName());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (target.startsWith("org.civicportal.")) {
          String to = feature(target);
          if (!from.isEmpty() && !to.isEmpty() && !from.equals(to)) {
            uses.computeIfAbsent(from, f -> new TreeSet<>()).add(to);
          }
        }
      }
    }
    Set<String> cyclic = new TreeSet<>();
    uses.forEach(
        (from, tos) ->
            tos.stream()
                .filter(to -> reaches(uses, to, from))
                .forEach(to -> cyclic.add(from + " -> " + to)));
    Path known = Path.of("src/test/resources/architecture/cyclic-feature-dependencies.txt");
    Set<String> tolerated =
        Files.readAllLines(known).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> added = new TreeSet<>(cyclic);
    added.removeAll(tolerated);
    Set<String> gone = new TreeSet<>(tolerated);
    gone.removeAll(cyclic);
    assertThat(added)
        .as("feature dependencies that close a cycle and are not in " + known)
        .isEmpty();
    assertThat(gone).as("cycles refactored away: remove these lines from " + known).isEmpty();
  }

  /** Whether feature {@code to} reaches feature {@code target} through the uses. */
  private static boolean reaches(Map<String, Set<String>> uses, String to, String target) {
    Deque<String> open = new ArrayDeque<>(List.of(to));
    Set<String> seen = new HashSet<>(open);
    while (!open.isEmpty()) {
      for (String next : uses.getOrDefault(open.pop(), Set.of())) {
        if (next.equals(target)) {
          return true;
        }
        if (seen.add(next)) {
          open.push(next);
        }
      }
    }
    return false;
  }

  private static ArchCondition<JavaClass> reachAnotherFeaturesEntity() {
    return new ArchCondition<>("depend on another feature's entity") {
      @Override
      public void check(JavaClass web, ConditionEvents events) {
        String feature = feature(web.getPackageName());
        web.getDirectDependenciesFromSelf().stream()
            .map(d -> d.getTargetClass())
            .filter(t -> t.getPackageName().endsWith(".entity"))
            .filter(t -> !feature(t.getPackageName()).equals(feature))
            .distinct()
            .forEach(
                t ->
                    events.add(
                        SimpleConditionEvent.violated(
                            web, web.getName() + " reaches " + t.getName())));
      }
    };
  }

  /** The feature of a package: the segment after {@code org.civicportal}. */
  private static String feature(String packageName) {
    String rest = packageName.substring("org.civicportal".length());
    String[] parts = rest.split("\\.");
    return parts.length > 1 ? parts[1] : "";
  }
}
