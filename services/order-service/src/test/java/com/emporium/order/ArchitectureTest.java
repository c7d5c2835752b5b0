package com.emporium.order;

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

/** The layout rules of STYLE.md, for order-service. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Of Emporium's code, order-service uses only its own and the platform's: never another service's. */
    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("com.emporium.order..")
            .should().dependOnClassesThat(resideInAPackage("com.emporium..")
                    .and(not(resideInAnyPackage("com.emporium.order..", "com.emporium.platform.."))));

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
            .should().dependOnClassesThat().resideInAPackage("com.emporium.order..web..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("com.emporium.platform..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.order..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.order.(*)..").should().beFreeOfCycles();

    /** Only the orders feature writes order events, so every one of them goes through the status machine. */
    @ArchTest
    static final ArchRule eventsBelongToTheOrdersFeature = classes().that().areAnnotatedWith(EventType.class)
            .should().resideInAPackage("com.emporium.order.orders")
            .andShould().beRecords();

    /** The inventory client knows nothing of orders: it could serve any caller of the reservation API. */
    @ArchTest
    static final ArchRule inventoryClientStandsAlone = noClasses().that().resideInAPackage("com.emporium.order.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage("com.emporium.order.orders..",
                    "com.emporium.order.checkout..");
}
