package com.emporium.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The platform is cross-cutting only: it knows no service and holds no domain. */
@AnalyzeClasses(packages = "com.emporium.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "com.emporium.user..", "com.emporium.order..", "com.emporium.inventory..", "com.emporium.payment..",
            "com.emporium.gateway..");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..");

    @ArchTest
    static final ArchRule partsAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.platform.(*)..").should().beFreeOfCycles();
}
