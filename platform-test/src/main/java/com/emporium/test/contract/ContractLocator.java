package com.emporium.test.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a document of the repository's {@code contracts/} folder ({@code <service>.yaml}, {@code events.yaml}): in
 * the folder named by the system property {@value #CONTRACTS_DIR_PROPERTY} when it is set, otherwise in the nearest
 * {@code contracts/} folder at or above the working directory (Maven runs a module's tests with the module's folder
 * as working directory, so this finds the repository's {@code contracts/}).
 */
public final class ContractLocator {

    public static final String CONTRACTS_DIR_PROPERTY = "emporium.contracts.dir";

    private ContractLocator() {
    }

    /**
     * The contracts document with this file name, e.g. {@code events.yaml}.
     *
     * @throws IllegalStateException saying where it looked when there is none
     */
    public static Path find(String fileName) {
        requirePlainName(fileName);
        String override = System.getProperty(CONTRACTS_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path document = Path.of(override).resolve(fileName);
            if (!Files.isRegularFile(document)) {
                throw new IllegalStateException("No contract " + document + " (from the system property "
                        + CONTRACTS_DIR_PROPERTY + ")");
            }
            return document;
        }
        return find(fileName, Path.of(System.getProperty("user.dir")));
    }

    static Path find(String fileName, Path start) {
        requirePlainName(fileName);
        List<Path> searched = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path document = dir.resolve("contracts").resolve(fileName);
            if (Files.isRegularFile(document)) {
                return document;
            }
            searched.add(dir.resolve("contracts"));
        }
        throw new IllegalStateException("No contracts/" + fileName + " at or above " + start
                + " (looked in " + searched + "); set the system property " + CONTRACTS_DIR_PROPERTY
                + " to the folder that holds it");
    }

    static Path locate(String service) {
        return find(openApiFileName(service));
    }

    static Path locate(String service, Path start) {
        return find(openApiFileName(service), start);
    }

    private static String openApiFileName(String service) {
        requirePlainName(service);
        return service + ".yaml";
    }

    /** A name that would climb out of the folder, or into another, names no contract. */
    private static void requirePlainName(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new IllegalArgumentException("Not a contract's name: '" + name + "'");
        }
    }
}
