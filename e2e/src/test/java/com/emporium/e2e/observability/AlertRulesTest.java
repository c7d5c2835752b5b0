package com.emporium.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * observability/prometheus: {@code promtool check rules} accepts every rule file, and {@code promtool test rules}
 * passes every unit test of the alerts and recording rules. Needs no running platform.
 */
class AlertRulesTest {

    private final Optional<Path> promtool = Promtool.find();

    @Test
    void everyRuleFileIsValid() {
        assumeTrue(promtool.isPresent(), Promtool.MISSING);
        List<Path> files = ObservabilityFiles.ruleFiles();
        assertThat(files).as("rule files in %s", ObservabilityFiles.rulesDir()).isNotEmpty();

        Promtool.Result checked = Promtool.run(promtool.orElseThrow(),
                Stream.concat(Stream.of("check", "rules"), files.stream().map(Path::toString)).toList(), null);

        assertThat(checked.succeeded()).as("promtool check rules:%n%s", checked.output()).isTrue();
        assertThat(checked.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsAndRecordingRulesPassTheirUnitTests() {
        assumeTrue(promtool.isPresent(), Promtool.MISSING);
        List<Path> tests = ObservabilityFiles.ruleTests();
        assertThat(tests).as("rule tests in %s", ObservabilityFiles.testsDir()).isNotEmpty();

        Promtool.Result tested = Promtool.run(promtool.orElseThrow(),
                Stream.concat(Stream.of("test", "rules"), tests.stream().map(Path::toString)).toList(), null);

        assertThat(tested.succeeded()).as("promtool test rules:%n%s", tested.output()).isTrue();
        assertThat(tested.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertTheRulesDefineHasAUnitTest() {
        String tests = ObservabilityFiles.ruleTests().stream().map(AlertRulesTest::read)
                .reduce("", String::concat);

        assertThat(ObservabilityFiles.ruleExpressions().keySet().stream()
                .filter(key -> key.startsWith("emporium-alerts.yml: "))
                .map(key -> key.substring("emporium-alerts.yml: ".length())))
                .isNotEmpty()
                .allSatisfy(alert -> assertThat(tests).as("a unit test of %s", alert)
                        .contains("alertname: " + alert));
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
