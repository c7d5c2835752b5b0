package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import com.emporium.platform.events.sample.DepositEffects;
import com.emporium.platform.events.sample.Deposits;
import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Poison messages: retried, dead-lettered with their reason after the last attempt, listed for an admin, and
 * replayed once the fault is fixed (or discarded). Every answer is checked against the sample's contract.
 */
class DeadLetterIT extends EventsTestBase {

    private static final String DEAD_LETTERS = "/api/sample/admin/dead-letters";
    private static final ContractRecorder CONTRACT = ContractRecorder.forDocument(
            Path.of("src/test/resources/contracts/sample-service.yaml"));

    @Autowired
    Deposits deposits;

    @Autowired
    DepositEffects effects;

    private final String admin = TOKENS.withRoles("admin");

    @AfterAll
    static void theContractIsAWellFormedDocument() {
        assertThat(ContractRecorder.problemsOf(CONTRACT.document())).isEmpty();
    }

    @Test
    void aPoisonEventIsDeadLetteredAfterItsLastAttemptListedWithItsReasonAndReplayedOnceFixed() {
        UUID account = faultyAccount();
        UUID eventId = deposits.deposit(account, 7).eventId();

        JsonNode letter = awaitDeadLetter(eventId.toString());
        assertThat(effects.attempts(eventId)).isEqualTo(MAX_ATTEMPTS);
        assertThat(effectsOf(eventId)).isZero();
        assertThat(letter.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(letter.get("reason").asString()).contains("IllegalStateException", "marked faulty");
        assertThat(letter.get("queue").asString()).isEqualTo("sample-service.deposits");
        assertThat(letter.get("eventType").asString()).isEqualTo("DepositMade");
        assertThat(letter.get("routingKey").asString()).isEqualTo("sample.deposit-made");
        assertThat(letter.get("aggregateId").asString()).isEqualTo(account.toString());
        String id = letter.get("id").asString();

        ApiResponse detail = api().get(DEAD_LETTERS + "/" + id).bearer(admin).send();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("event").get("payload").get("amount").asLong()).isEqualTo(7);
        assertThat(detail.json().get("headers").get("event-version").asInt()).isEqualTo(1);

        jdbc.update("DELETE FROM faults WHERE account_id = ?", account);
        ApiResponse replayed = api().post(DEAD_LETTERS + "/" + id + "/replay").bearer(admin).send();

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isOne();
        await().atMost(PATIENCE).until(() -> effectsOf(eventId) == 1);
        assertThat(api().get(DEAD_LETTERS + "/" + id).bearer(admin).send().status()).isEqualTo(404);
        assertThat(findLetter(eventId.toString())).isEmpty();
    }

    @Test
    void aReplayThatFailsAgainComesBackCountingItsReplays() {
        UUID account = faultyAccount();
        UUID eventId = deposits.deposit(account, 1).eventId();
        String id = awaitDeadLetter(eventId.toString()).get("id").asString();

        assertThat(api().post(DEAD_LETTERS + "/" + id + "/replay").bearer(admin).send().status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> findLetter(eventId.toString())
                .filter(letter -> letter.get("replays").asInt() == 1).isPresent());
        assertThat(effects.attempts(eventId)).isEqualTo(2 * MAX_ATTEMPTS);
        assertThat(effectsOf(eventId)).isZero();
    }

    @Test
    void replayingAllReplaysEveryLetter() {
        UUID account = faultyAccount();
        UUID first = deposits.deposit(account, 1).eventId();
        UUID second = deposits.deposit(account, 2).eventId();
        awaitDeadLetter(first.toString());
        awaitDeadLetter(second.toString());
        jdbc.update("DELETE FROM faults WHERE account_id = ?", account);

        ApiResponse replayed = api().post(DEAD_LETTERS + "/replay").bearer(admin).send();

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(PATIENCE).until(() -> effectsOf(first) == 1 && effectsOf(second) == 1);
    }

    @Test
    void aDiscardedLetterIsGoneAndNeverHandled() {
        UUID account = faultyAccount();
        UUID eventId = deposits.deposit(account, 1).eventId();
        String id = awaitDeadLetter(eventId.toString()).get("id").asString();
        jdbc.update("DELETE FROM faults WHERE account_id = ?", account);

        assertThat(api().delete(DEAD_LETTERS + "/" + id).bearer(admin).send().status()).isEqualTo(204);

        assertThat(api().get(DEAD_LETTERS + "/" + id).bearer(admin).send().status()).isEqualTo(404);
        assertThat(findLetter(eventId.toString())).isEmpty();
        assertThat(effectsOf(eventId)).isZero();
    }

    @Test
    void aHandlerThatSwallowsADatabaseErrorIsDeadLetteredInsteadOfAcknowledgedWithNoEffect() {
        UUID account = UUID.randomUUID();
        jdbc.update("INSERT INTO careless (account_id) VALUES (?)", account);

        UUID eventId = deposits.deposit(account, 5).eventId();

        JsonNode letter = awaitDeadLetter(eventId.toString());
        assertThat(effects.attempts(eventId)).isEqualTo(MAX_ATTEMPTS);
        assertThat(effectsOf(eventId)).as("PostgreSQL rolled the effect back at commit").isZero();
        assertThat(letter.get("reason").asString()).contains("caught a database error");
    }

    @Test
    void aMessageThatIsNotAnEventIsDeadLetteredAtOnce() throws Exception {
        String messageId = "garbage-" + UUID.randomUUID();
        try (Connection connection = BROKER.connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.basicPublish("emporium.events", "sample.deposit-made", new AMQP.BasicProperties.Builder()
                    .messageId(messageId).contentType("application/json").type("DepositMade").build(),
                    "{not json".getBytes(StandardCharsets.UTF_8));
        }

        JsonNode letter = awaitDeadLetter(messageId);

        assertThat(letter.get("attempts").asInt()).isOne();
        assertThat(letter.get("reason").asString()).contains("not an event envelope");
        ApiResponse detail = api().get(DEAD_LETTERS + "/" + letter.get("id").asString()).bearer(admin).send();
        assertThat(detail.json().get("body").asString()).isEqualTo("{not json");
    }

    @Test
    void onlyAdminsReachTheDeadLetters() {
        assertThat(api().get(DEAD_LETTERS).send().status()).isEqualTo(401);
        assertThat(api().get(DEAD_LETTERS).bearer(TOKENS.withRoles("customer")).send().status()).isEqualTo(403);
        assertThat(api().post(DEAD_LETTERS + "/replay").bearer(TOKENS.withRoles("customer")).send().status())
                .isEqualTo(403);
    }

    @Test
    void anUnknownLetterIsNotFoundAndABadIdOrPageIsRefused() {
        String unknown = DEAD_LETTERS + "/" + UUID.randomUUID();

        assertThat(api().get(unknown).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api().post(unknown + "/replay").bearer(admin).send().status()).isEqualTo(404);
        assertThat(api().delete(unknown).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api().get(DEAD_LETTERS + "/not-a-uuid").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api().get(DEAD_LETTERS).query("page", -1).bearer(admin).send().status()).isEqualTo(400);
        assertThat(api().get(DEAD_LETTERS).query("sort", "reason").bearer(admin).send().status()).isEqualTo(400);
    }

    private ApiClient api() {
        return ApiClient.local(port, CONTRACT);
    }

    private UUID faultyAccount() {
        UUID account = UUID.randomUUID();
        jdbc.update("INSERT INTO faults (account_id) VALUES (?)", account);
        return account;
    }

    private JsonNode awaitDeadLetter(String messageId) {
        return await().atMost(PATIENCE).until(() -> findLetter(messageId), Optional::isPresent).orElseThrow();
    }

    private Optional<JsonNode> findLetter(String messageId) {
        ApiResponse page = api().get(DEAD_LETTERS).query("size", 100).bearer(admin).send();
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (item.get("messageId").asString().equals(messageId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

}
