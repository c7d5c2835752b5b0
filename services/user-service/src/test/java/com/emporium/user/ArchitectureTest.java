package com.emporium.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The layout rules of STYLE.md, for user-service. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("com.emporium.user..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.emporium.order..", "com.emporium.inventory..", "com.emporium.payment..",
                    "com.emporium.gateway..", "com.emporium.sandbox..");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..");

    @ArchTest
    static final ArchRule webAdaptersAreLeaves = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.user..web..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("com.emporium.platform..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.user..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.user.(*)..").should().beFreeOfCycles();
}
