package com.emporium.platform.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.web.bind.annotation.RestController;

/** The backbone knows no service, its API depends on none of its internals, and its parts form no cycle. */
@AnalyzeClasses(packages = "com.emporium.platform.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "com.emporium.user..", "com.emporium.order..", "com.emporium.inventory..", "com.emporium.payment..",
            "com.emporium.gateway..");

    @ArchTest
    static final ArchRule theApiStandsAlone = noClasses().that().resideInAPackage("com.emporium.platform.events")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.platform.events.(*)..");

    @ArchTest
    static final ArchRule partsAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.platform.events.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAreHttpAdapters = classes().that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");
}
