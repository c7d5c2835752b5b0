package com.emporium.platform.events.sample;

import java.util.UUID;

import com.emporium.platform.events.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sample's state change: a deposit row and its {@code DepositMade} event, in one transaction. */
@Service
public class Deposits {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Deposits(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public record Made(UUID depositId, UUID eventId, int sequence) {
    }

    @Transactional
    public Made deposit(UUID accountId, long amount) {
        UUID depositId = UUID.randomUUID();
        Integer sequence = jdbc.queryForObject("""
                INSERT INTO deposits (id, account_id, amount, sequence)
                VALUES (?, ?, ?, (SELECT count(*) + 1 FROM deposits WHERE account_id = ?))
                RETURNING sequence""", Integer.class, depositId, accountId, amount, accountId);
        int seq = sequence == null ? 0 : sequence;
        UUID eventId = outbox.record(accountId, new DepositMade(depositId, accountId, amount, seq));
        if (amount <= 0) {
            // after the event was recorded: the rollback must take the event with it
            throw new IllegalArgumentException("a deposit must be positive");
        }
        return new Made(depositId, eventId, seq);
    }
}
