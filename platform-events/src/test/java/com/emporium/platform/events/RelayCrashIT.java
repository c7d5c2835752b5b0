package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import com.emporium.platform.events.sample.Deposits;
import com.emporium.test.amqp.EventCapture;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A relay that dies after the broker confirmed a batch and before it marked the batch sent: simulated by a trigger
 * that fails the first mark of one account's event, which rolls the relay's round back exactly as a crash would.
 */
class RelayCrashIT extends EventsTestBase {

    @Autowired
    Deposits deposits;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void removeTheFault() throws Exception {
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS fail_first_mark ON event_outbox");
            sql.execute("DROP FUNCTION IF EXISTS fail_first_mark()");
            sql.execute("DROP SEQUENCE IF EXISTS fail_first_mark_calls");
        }
    }

    @Test
    void anEventPublishedButNeverMarkedSentIsPublishedAgainAndHasOneEffect() throws Exception {
        UUID account = UUID.randomUUID();
        failTheFirstMarkOf(account);
        double duplicatesBefore = duplicates();

        try (EventCapture capture = EventCapture.bind(BROKER, "emporium.events", "sample.#")) {
            UUID eventId = deposits.deposit(account, 3).eventId();

            await().atMost(PATIENCE).until(() -> capture.all().stream()
                    .filter(message -> eventId.toString().equals(message.messageId())).count() >= 2);
            await().atMost(PATIENCE).until(() -> duplicates() > duplicatesBefore);

            assertThat(effectsOf(eventId)).as("the duplicate had no second effect").isOne();
            assertThat(jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM event_outbox WHERE event_id = ?",
                    Boolean.class, eventId)).isTrue();
        }
    }

    private double duplicates() {
        return meters.get("emporium.events.consumed").tag("subscription", "deposits").tag("outcome", "duplicate")
                .counter().count();
    }

    private void failTheFirstMarkOf(UUID account) throws Exception {
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            // a sequence, not a table: nextval survives the rollback the exception causes
            sql.execute("CREATE SEQUENCE fail_first_mark_calls");
            sql.execute("""
                    CREATE FUNCTION fail_first_mark() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        IF NEW.aggregate_id = '%s' AND NEW.sent_at IS NOT NULL AND OLD.sent_at IS NULL
                                AND nextval('fail_first_mark_calls') = 1 THEN
                            RAISE EXCEPTION 'the relay died between publishing and marking sent';
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(account));
            sql.execute("CREATE TRIGGER fail_first_mark BEFORE UPDATE ON event_outbox FOR EACH ROW "
                    + "EXECUTE FUNCTION fail_first_mark()");
        }
    }
}
