package com.emporium.user;

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

/** The layout rules of STYLE.md, for user-service. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Of Emporium's code, user-service uses only its own and the platform's: never another service's. */
    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("com.emporium.user..")
            .should().dependOnClassesThat(resideInAPackage("com.emporium..")
                    .and(not(resideInAnyPackage("com.emporium.user..", "com.emporium.platform.."))));

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule repositoriesAreNotUsedFromWebAdapters = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("HTTP adapters go through the feature's service");

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
