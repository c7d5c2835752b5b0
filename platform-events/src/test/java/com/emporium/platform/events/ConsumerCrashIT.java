package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import com.emporium.platform.events.sample.Deposits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer that loses the broker after its handler ran and before the transaction of the effect committed, as a
 * consumer that dies there would: simulated by a deferred trigger that holds the commit of one account's effect on
 * an advisory lock the test holds, while the test cuts the link to the broker.
 */
class ConsumerCrashIT extends EventsTestBase {

    private static final String QUEUE = "sample-service.deposits";
    private static final int HOLD = 4242;

    @Autowired
    Deposits deposits;

    private Connection holder;

    @AfterEach
    void removeTheFault() throws Exception {
        BROKER_LINK.restore();
        if (holder != null) {
            holder.close();
        }
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS hold_commit ON effects");
            sql.execute("DROP FUNCTION IF EXISTS hold_commit()");
        }
    }

    @Test
    void aMessageWhoseEffectHasNotCommittedIsStillOnItsQueueWhenTheConsumerLosesTheBroker() throws Exception {
        UUID account = UUID.randomUUID();
        holdTheCommitOfEffectsOf(account);
        UUID eventId = deposits.deposit(account, 4).eventId();
        await().atMost(PATIENCE).until(this::aCommitIsHeld);

        BROKER_LINK.cut();

        await().atMost(PATIENCE).until(() -> readyMessages() == 1);
        holder.close();
        BROKER_LINK.restore();
        await().atMost(PATIENCE).until(() -> effectsOf(eventId) == 1 && readyMessages() == 0);
        assertThat(effectsOf(eventId)).as("the redelivery had no second effect").isOne();
    }

    private void holdTheCommitOfEffectsOf(UUID account) throws Exception {
        holder = DATABASE.connectAsOwner();
        try (Statement sql = holder.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(%d, 1)".formatted(HOLD));
            sql.execute("""
                    CREATE FUNCTION hold_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        IF NEW.account_id = '%s' THEN
                            PERFORM pg_advisory_xact_lock(%d, 1);
                        END IF;
                        RETURN NULL;
                    END $$""".formatted(account, HOLD));
            // deferred: it runs when the consumer commits, after its handler and its inbox claim
            sql.execute("CREATE CONSTRAINT TRIGGER hold_commit AFTER INSERT ON effects DEFERRABLE INITIALLY DEFERRED "
                    + "FOR EACH ROW EXECUTE FUNCTION hold_commit()");
        }
    }

    private boolean aCommitIsHeld() {
        Long waiting = jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND classid = ? AND objid = 1 AND objsubid = 2""",
                Long.class, HOLD);
        return waiting != null && waiting > 0;
    }

    /** Ready messages on the subscription's queue, asked of the broker directly (not through the cut link). */
    private long readyMessages() throws Exception {
        try (com.rabbitmq.client.Connection connection = BROKER.connectionFactory().newConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(QUEUE).getMessageCount();
        }
    }
}
