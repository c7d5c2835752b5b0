package com.emporium.platform.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.emporium.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The gateway (WebFlux) and the services (servlet) both use this module: it must not pull in either. */
    @ArchTest
    static final ArchRule noWebStack = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "jakarta.servlet..", "org.springframework.web.servlet..", "org.springframework.web.reactive..",
            "org.springframework.security.web..", "reactor.netty..",
            "org.springframework.web.server..", "org.springframework.http.server..");
}
