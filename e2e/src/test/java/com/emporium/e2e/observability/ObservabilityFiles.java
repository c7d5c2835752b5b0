package com.emporium.e2e.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The repository's {@code observability/} folder: the Prometheus rule files, their unit tests, the Grafana
 * dashboards, and every PromQL expression they hold.
 */
final class ObservabilityFiles {

    private static final Path ROOT = findRoot();

    private ObservabilityFiles() {
    }

    static Path rulesDir() {
        return ROOT.resolve("observability/prometheus/rules");
    }

    static Path testsDir() {
        return ROOT.resolve("observability/prometheus/tests");
    }

    static Path dashboardsDir() {
        return ROOT.resolve("observability/grafana/dashboards");
    }

    static List<Path> ruleFiles() {
        return list(rulesDir(), ".yml");
    }

    static List<Path> ruleTests() {
        return list(testsDir(), ".test.yml");
    }

    static List<Path> dashboards() {
        return list(dashboardsDir(), ".json");
    }

    /** Each rule's expression, keyed by where it is ({@code file: record/alert name}). */
    static Map<String, String> ruleExpressions() {
        Map<String, String> expressions = new TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : ruleFiles()) {
            for (JsonNode group : read(yaml, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("record") ? rule.get("record").asText() : rule.path("alert").asText();
                    expressions.put(file.getFileName() + ": " + name, rule.path("expr").asText());
                }
            }
        }
        return expressions;
    }

    /** The names the recording rules define. */
    static List<String> recordedNames() {
        List<String> names = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : ruleFiles()) {
            for (JsonNode group : read(yaml, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("record")) {
                        names.add(rule.get("record").asText());
                    }
                }
            }
        }
        return names;
    }

    /** Every query of a dashboard (its panels' targets and its variables'), keyed by where it is. */
    static Map<String, String> dashboardExpressions(Path dashboard) {
        JsonNode board = read(new JsonMapper(), dashboard);
        Map<String, String> expressions = new TreeMap<>();
        for (JsonNode panel : board.path("panels")) {
            int n = 0;
            for (JsonNode target : panel.path("targets")) {
                expressions.put(dashboard.getFileName() + ": " + panel.path("title").asText() + " #" + n++,
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : board.path("templating").path("list")) {
            expressions.put(dashboard.getFileName() + ": variable " + variable.path("name").asText(),
                    variable.path("query").path("query").asText());
        }
        return expressions;
    }

    private static JsonNode read(com.fasterxml.jackson.databind.ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("observability"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no observability/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
