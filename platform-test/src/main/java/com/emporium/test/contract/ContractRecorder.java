package com.emporium.test.contract;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Holds a service's OpenAPI contract, fails every response that breaks it, and records which documented
 * responses the tests exercised.
 *
 * <p>A response breaks the contract when its request reaches no documented operation, when its status is not
 * documented for that operation, or when its body, content type or documented headers do not match. Requests
 * are not judged: tests send bad ones on purpose; the request's own findings only appear in failure messages.
 *
 * <p>{@link #shared(String)} gives one recorder per service and JVM, so every test class of a suite adds to the
 * same coverage, which {@link #assertEveryDocumentedResponseExercised()} checks at the end (see
 * {@link AbstractContractCoverageIT}). Recorders are safe to use from several threads.
 */
public final class ContractRecorder {

    private static final ConcurrentMap<String, ContractRecorder> SHARED = new ConcurrentHashMap<>();

    private final ContractDocument document;
    private final Set<DocumentedResponse> exercised = ConcurrentHashMap.newKeySet();

    private ContractRecorder(ContractDocument document) {
        this.document = document;
    }

    /**
     * The recorder of {@code contracts/<service>.yaml} for this JVM, loaded on first use. The document is
     * found in the folder named by the system property {@code emporium.contracts.dir}, or else in the nearest
     * {@code contracts/} folder at or above the working directory.
     *
     * @param service the service's name, which is also the contract's file name, e.g. {@code user-service}
     */
    public static ContractRecorder shared(String service) {
        return SHARED.computeIfAbsent(service, name -> forDocument(ContractLocator.locate(name)));
    }

    /** A new recorder of its own for the OpenAPI document at this path, with nothing exercised yet. */
    public static ContractRecorder forDocument(Path document) {
        return new ContractRecorder(ContractDocument.load(document));
    }

    /** What the OpenAPI parser finds wrong in a document: empty when the document is sound. */
    public static List<String> problemsOf(Path document) {
        return ContractDocument.parseMessages(document);
    }

    /** The contract's file. */
    public Path document() {
        return document.source();
    }

    /**
     * Checks one interaction against the contract and records the documented response it exercised.
     *
     * @throws AssertionError listing the validator's findings when the response breaks the contract
     */
    public void verify(Interaction interaction) {
        ApiOperation operation = document.operation(interaction.method(), interaction.path())
                .orElseThrow(() -> new AssertionError(ViolationMessage.outsideContract(document(), interaction)));
        List<ValidationReport.Message> messages = document.validate(interaction).getMessages();
        List<ValidationReport.Message> errors = messages.stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            List<ValidationReport.Message> requestNotes = messages.stream()
                    .filter(message -> message.getLevel() != ValidationReport.Level.ERROR)
                    .filter(message -> message.getKey().startsWith("validation.request"))
                    .toList();
            throw new AssertionError(
                    ViolationMessage.broken(document(), operation, interaction, errors, requestNotes));
        }
        ContractDocument.documentedResponse(operation, interaction.status()).ifPresent(exercised::add);
    }

    /** Every documented response (method, path template, status), except "default" ones. */
    public SortedSet<DocumentedResponse> documentedResponses() {
        return document.documentedResponses();
    }

    /** The documented responses that conforming interactions have exercised so far. */
    public SortedSet<DocumentedResponse> exercisedResponses() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(exercised));
    }

    /** The documented responses no interaction has exercised yet. */
    public SortedSet<DocumentedResponse> unexercisedResponses() {
        SortedSet<DocumentedResponse> missing = new TreeSet<>(document.documentedResponses());
        missing.removeAll(exercised);
        return Collections.unmodifiableSortedSet(missing);
    }

    /**
     * Fails, listing each one, when a documented response (other than "default") was not exercised.
     *
     * @throws AssertionError naming every documented response that no interaction produced
     */
    public void assertEveryDocumentedResponseExercised() {
        SortedSet<DocumentedResponse> missing = unexercisedResponses();
        if (!missing.isEmpty()) {
            throw new AssertionError(ViolationMessage.uncovered(document(), missing, documentedResponses().size()));
        }
    }
}
