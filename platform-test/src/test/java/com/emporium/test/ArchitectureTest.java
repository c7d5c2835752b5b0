package com.emporium.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The test kit stands alone: no service's and no platform's classes, so any suite can use it. */
@AnalyzeClasses(packages = "com.emporium.test", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoEmporiumCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.emporium.platform..", "com.emporium.user..", "com.emporium.order..",
                    "com.emporium.inventory..", "com.emporium.payment..", "com.emporium.gateway..");

    @ArchTest
    static final ArchRule partsAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.test.(*)..").should().beFreeOfCycles();
}
