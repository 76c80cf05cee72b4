package com.kompaas.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layering of the application, over the production classes of all three jars (model, EJB, web),
 * as docs/architecture.md draws it. No rule has an exception list: a change that breaks one moves
 * the code, not the rule.
 *
 * <ul>
 *   <li>A <b>component</b> is a package under {@code com.kompaas.webhooks}: platform, account,
 *       catalog, event, outbound, subscription, delivery, intake, and api on top. Components form
 *       no cycle; platform, the lowest, uses none of the others.
 *   <li>Inside a component, <b>boundary → control → entity</b>: entities know neither control nor
 *       boundary, control does not call its own component's boundary, and no EJB-side class knows
 *       the web module's presentation.
 *   <li>The web module's classes live in {@code <component>.presentation} packages (or {@code
 *       api}), never in a package the EJB jar also uses, so the two jars cannot form a cycle inside
 *       one package name.
 * </ul>
 */
@AnalyzeClasses(
    packages = "com.kompaas.webhooks",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "com.kompaas.webhooks";

  /** The rules below mean nothing unless the EJB and model jars are imported beside this one. */
  @ArchTest
  static void importsAllThreeJars(JavaClasses all) {
    for (String name :
        new String[] {
          ROOT + ".event.entity.Event",
          ROOT + ".delivery.boundary.Dispatcher",
          ROOT + ".subscription.presentation.WebhookBacking"
        }) {
      if (!all.contain(name)) {
        throw new AssertionError(name + " was not imported; the rules would check nothing");
      }
    }
  }

  @ArchTest
  static final ArchRule componentsFormNoCycle =
      slices().matching(ROOT + ".(*)..").namingSlices("component $1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platformIsTheLowest =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".account..",
              ROOT + ".catalog..",
              ROOT + ".event..",
              ROOT + ".outbound..",
              ROOT + ".subscription..",
              ROOT + ".delivery..",
              ROOT + ".intake..",
              ROOT + ".api..");

  @ArchTest
  static final ArchRule entitiesKnowOnlyEntities =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..control..", "..boundary..", "..presentation..");

  @ArchTest
  static final ArchRule controlDoesNotCallItsOwnBoundary =
      classes()
          .that()
          .resideInAPackage("..control..")
          .should(notDependOnTheBoundaryOfItsComponent());

  @ArchTest
  static final ArchRule onlyTheWebModuleKnowsPresentation =
      noClasses()
          .that()
          .resideOutsideOfPackages("..presentation..", ROOT + ".api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..presentation..", ROOT + ".api..");

  @ArchTest
  static final ArchRule theWebModuleHoldsOnlyPresentation =
      classes()
          .that(areInTheWebModule())
          .should()
          .resideInAnyPackage("..presentation..", ROOT + ".api..");

  @ArchTest
  static final ArchRule presentationIsOnlyInTheWebModule =
      classes()
          .that()
          .resideInAnyPackage("..presentation..", ROOT + ".api..")
          .should(beInTheWebModule());

  private static final Pattern COMPONENT = Pattern.compile(Pattern.quote(ROOT) + "\\.(\\w+)\\.");

  private static String component(JavaClass c) {
    Matcher m = COMPONENT.matcher(c.getPackageName() + ".");
    return m.lookingAt() ? m.group(1) : "";
  }

  private static ArchCondition<JavaClass> notDependOnTheBoundaryOfItsComponent() {
    return new ArchCondition<>("not depend on the boundary of their own component") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = ROOT + "." + component(item) + ".boundary";
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getPackageName();
          if (target.equals(own) || target.startsWith(own + ".")) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  /** Classes compiled in this module: their class file lies under webhooks-web. */
  private static boolean inWebModule(JavaClass c) {
    return c.getSource().map(s -> s.getUri().toString().contains("/webhooks-web/")).orElse(false);
  }

  private static DescribedPredicate<JavaClass> areInTheWebModule() {
    return DescribedPredicate.describe(
        "are compiled in webhooks-web", ArchitectureTest::inWebModule);
  }

  private static ArchCondition<JavaClass> beInTheWebModule() {
    return new ArchCondition<>("be compiled in webhooks-web") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (!inWebModule(item)) {
          events.add(
              SimpleConditionEvent.violated(item, item.getName() + " is not in webhooks-web"));
        }
      }
    };
  }
}
