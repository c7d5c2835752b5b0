package com.emporium.payment;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.emporium.platform.events.EventType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md, for payment-service. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("com.emporium.payment..")
            .should().dependOnClassesThat(resideInAPackage("com.emporium..")
                    .and(not(resideInAnyPackage("com.emporium.payment..", "com.emporium.platform.."))));

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class).should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule repositoriesAreNotUsedFromWebAdapters = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..");

    @ArchTest
    static final ArchRule webAdaptersAreLeaves = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.payment..web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.payment.(*)..").should().beFreeOfCycles();

    /** Only the payments feature writes payment events, each with its state change. */
    @ArchTest
    static final ArchRule eventsBelongToThePaymentsFeature = classes().that().areAnnotatedWith(EventType.class)
            .should().resideInAPackage("com.emporium.payment.payments").andShould().beRecords();

    /** The provider's client knows nothing of payments or orders. */
    @ArchTest
    static final ArchRule providerClientStandsAlone = noClasses().that()
            .resideInAPackage("com.emporium.payment.sandbox..").should().dependOnClassesThat()
            .resideInAnyPackage("com.emporium.payment.payments..", "com.emporium.payment.orders..");
}
