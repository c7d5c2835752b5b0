package com.emporium.test.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code contracts/<service>.yaml}: in the folder named by the system property
 * {@value #CONTRACTS_DIR_PROPERTY} when it is set, otherwise in the nearest {@code contracts/} folder at or
 * above the working directory (Maven runs a module's tests with the module's folder as working directory, so
 * this finds the repository's {@code contracts/}).
 */
final class ContractLocator {

    static final String CONTRACTS_DIR_PROPERTY = "emporium.contracts.dir";

    private ContractLocator() {
    }

    static Path locate(String service) {
        String override = System.getProperty(CONTRACTS_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path document = Path.of(override).resolve(fileName(service));
            if (!Files.isRegularFile(document)) {
                throw new IllegalStateException("No contract " + document + " (from the system property "
                        + CONTRACTS_DIR_PROPERTY + ")");
            }
            return document;
        }
        return locate(service, Path.of(System.getProperty("user.dir")));
    }

    static Path locate(String service, Path start) {
        List<Path> searched = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path document = dir.resolve("contracts").resolve(fileName(service));
            if (Files.isRegularFile(document)) {
                return document;
            }
            searched.add(dir.resolve("contracts"));
        }
        throw new IllegalStateException("No contracts/" + fileName(service) + " at or above " + start
                + " (looked in " + searched + "); set the system property " + CONTRACTS_DIR_PROPERTY
                + " to the folder that holds it");
    }

    private static String fileName(String service) {
        if (service.isBlank() || service.contains("/") || service.contains("\\") || service.contains("..")) {
            throw new IllegalArgumentException("Not a service name: '" + service + "'");
        }
        return service + ".yaml";
    }
}
