package com.emporium.platform.events.consumer;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** The events a subscription has handled, claimed in the transaction of the handler's effect. */
final class Inbox {

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code eventId} as handled by {@code subscription}.
     *
     * @return false when it already was: the event is a duplicate and must have no second effect
     */
    boolean claim(String subscription, UUID eventId) {
        return jdbc.update("""
                INSERT INTO event_inbox (subscription, event_id, handled_at) VALUES (?, ?, now())
                ON CONFLICT DO NOTHING""", subscription, eventId) == 1;
    }
}
