package com.emporium.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

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

    @ArchTest
    static final ArchRule controllersAreHttpAdapters = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().resideInAPackage("..web..");

    /** The probe's controller, test code in {@code com.emporium.platform}, is just what the rule must refuse. */
    @Test
    void refusesAControllerOutsideAWebPackage() {
        JavaClasses probe = new ClassFileImporter().importClasses(ProbeApplication.ProbeController.class);

        EvaluationResult result = controllersAreHttpAdapters.evaluate(probe);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains(ProbeApplication.ProbeController.class.getName());
    }
}
