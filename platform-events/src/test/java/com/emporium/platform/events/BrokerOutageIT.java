package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.emporium.platform.events.sample.Deposits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A broker that cannot be reached delays events and loses none. */
class BrokerOutageIT extends EventsTestBase {

    private static final int ACCOUNTS = 50;
    private static final int DEPOSITS_EACH = 20;

    @Autowired
    Deposits deposits;

    @Test
    void everyEventCommittedDuringABrokerOutageArrivesOnceItIsBackWithExactlyOneEffectInOrder() {
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(UUID.randomUUID());
        }
        List<UUID> events = new ArrayList<>();

        BROKER_LINK.cut();
        try {
            for (int round = 0; round < DEPOSITS_EACH; round++) {
                for (UUID account : accounts) {
                    events.add(deposits.deposit(account, round + 1).eventId());
                }
            }
            assertThat(events).hasSize(1000);
            assertThat(count("SELECT count(*) FROM event_outbox WHERE sent_at IS NULL AND event_id = ANY (?)", events))
                    .as("every event waits in the outbox while the broker is unreachable").isEqualTo(1000);
            assertThat(count("SELECT count(*) FROM effects WHERE event_id = ANY (?)", events)).isZero();
        } finally {
            BROKER_LINK.restore();
        }

        await().atMost(PATIENCE).until(
                () -> count("SELECT count(DISTINCT event_id) FROM effects WHERE event_id = ANY (?)", events) == 1000);
        assertThat(count("SELECT count(*) FROM effects WHERE event_id = ANY (?)", events))
                .as("exactly one effect per event").isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM event_outbox WHERE sent_at IS NULL AND event_id = ANY (?)", events))
                .isZero();
        for (UUID account : accounts) {
            List<Integer> applied = jdbc.queryForList(
                    "SELECT sequence FROM effects WHERE account_id = ? ORDER BY id", Integer.class, account);
            assertThat(applied).as("the effects of account %s, in the order they were applied", account)
                    .isSorted().hasSize(DEPOSITS_EACH);
        }
    }
}
