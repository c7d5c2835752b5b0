package com.emporium.inventory;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.emporium.platform.events.EventSubscription;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md, for inventory-service. */
@AnalyzeClasses(packages = "com.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Of Emporium's code, inventory-service uses only its own and the platform's: never another service's. */
    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("com.emporium.inventory..")
            .should().dependOnClassesThat(resideInAPackage("com.emporium..")
                    .and(not(resideInAnyPackage("com.emporium.inventory..", "com.emporium.platform.."))));

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .and().resideInAPackage("com.emporium.inventory..")
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule subscriptionsLiveInMessagingPackages = noClasses()
            .that().resideInAPackage("com.emporium.inventory..").and().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().belongToAnyOf(EventSubscription.class);

    @ArchTest
    static final ArchRule noRawListeners = noClasses().that().resideInAPackage("com.emporium.inventory..")
            .should().beAnnotatedWith(RabbitListener.class)
            .because("events are consumed through platform-events' EventSubscription (idempotent, dead-lettered)");

    @ArchTest
    static final ArchRule repositoriesAreNotUsedFromAdapters = noClasses()
            .that().resideInAnyPackage("..web..", "..messaging..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Ledger")
            .because("HTTP and AMQP adapters go through the feature's service");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..");

    @ArchTest
    static final ArchRule adaptersAreLeaves = noClasses().that().resideOutsideOfPackages("..web..", "..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("com.emporium.inventory..web..",
                    "com.emporium.inventory..messaging..");

    @ArchTest
    static final ArchRule theCatalogKnowsNothingOfReservations = noClasses()
            .that().resideInAPackage("com.emporium.inventory.catalog..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.inventory.reservation..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("com.emporium.platform..")
            .should().dependOnClassesThat().resideInAPackage("com.emporium.inventory..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("com.emporium.inventory.(*)..").should().beFreeOfCycles();
}
