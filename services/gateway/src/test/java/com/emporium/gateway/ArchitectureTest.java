package com.emporium.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The gateway talks to the services over HTTP only, and runs on WebFlux: no servlet classes. */
    @ArchTest
    static final ArchRule noServiceOrServletClasses = noClasses().that().resideInAPackage("com.emporium.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("com.emporium.user..", "com.emporium.order..",
                    "com.emporium.inventory..", "com.emporium.payment..", "jakarta.servlet..",
                    "org.springframework.web.servlet..", "com.emporium.platform.web..",
                    "com.emporium.platform.security..");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("com.emporium.gateway.(*)..")
            .should().beFreeOfCycles();
}
