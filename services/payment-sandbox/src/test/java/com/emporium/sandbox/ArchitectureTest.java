package com.emporium.sandbox;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md, for the payment sandbox. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Of Emporium's code, the sandbox uses only its own and the platform's. */
    @ArchTest
    static final ArchRule dependsOnNoService = noClasses().that().resideInAPackage("com.emporium.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("com.emporium..")
                    .and(not(resideInAnyPackage("com.emporium.sandbox..", "com.emporium.platform.."))));

    /** It is not an Emporium service: it never reads Emporium's access tokens. */
    @ArchTest
    static final ArchRule knowsNothingOfEmporiumTokens = noClasses().that().resideInAPackage("com.emporium.sandbox..")
            .and().doNotHaveFullyQualifiedName(PaymentSandboxApplication.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("com.emporium.platform.token..",
                    "com.emporium.platform.security..", "org.springframework.security.oauth2..")
            .because("the sandbox has its own secret key; only the application class leaves the platform's out");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .and().resideInAPackage("com.emporium.sandbox..")
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule repositoriesAreNotUsedFromAdapters = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("HTTP adapters go through the feature's service");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..");

    @ArchTest
    static final ArchRule adaptersAreLeaves = noClasses().that().resideOutsideOfPackages("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("com.emporium.sandbox..web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.sandbox.(*)..").should().beFreeOfCycles();
}
