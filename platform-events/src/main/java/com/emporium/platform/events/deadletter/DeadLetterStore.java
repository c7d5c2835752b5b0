package com.emporium.platform.events.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code event_dead_letter}: the dead letters of this service's subscriptions. */
final class DeadLetterStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, queue, message_id, event_type, routing_key, aggregate_id, reason, "
            + "attempts, dead_lettered_at, replays, properties, headers, body";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DeadLetterStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Keeps {@code letter}; the same message dead-lettered again from the same queue (a replay that failed again)
     * replaces its earlier failure and keeps its count of replays.
     */
    void save(DeadLetter letter) {
        jdbc.update("""
                INSERT INTO event_dead_letter (%s)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
                ON CONFLICT (queue, message_id) DO UPDATE SET reason = EXCLUDED.reason, attempts = EXCLUDED.attempts,
                    dead_lettered_at = EXCLUDED.dead_lettered_at, replays = EXCLUDED.replays,
                    properties = EXCLUDED.properties, headers = EXCLUDED.headers, body = EXCLUDED.body""".formatted(COLUMNS),
                letter.id(), letter.queue(), letter.messageId(), letter.eventType(), letter.routingKey(),
                letter.aggregateId(), letter.reason(), letter.attempts(), Timestamp.from(letter.deadLetteredAt()),
                letter.replays(), json.writeValueAsString(letter.properties()),
                json.writeValueAsString(letter.headers()), letter.body());
    }

    List<DeadLetter> page(long offset, int limit, boolean newestFirst) {
        String order = newestFirst ? "dead_lettered_at DESC, id DESC" : "dead_lettered_at, id";
        return jdbc.query("SELECT " + COLUMNS + " FROM event_dead_letter ORDER BY " + order + " OFFSET ? LIMIT ?",
                (rs, n) -> letter(rs), offset, limit);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_dead_letter", Long.class);
        return count == null ? 0 : count;
    }

    Optional<DeadLetter> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_dead_letter WHERE id = ?", (rs, n) -> letter(rs), id)
                .stream().findFirst();
    }

    /** Locks the letter for a replay, so that two admins replaying it at once publish it once. */
    Optional<DeadLetter> lock(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_dead_letter WHERE id = ? FOR UPDATE SKIP LOCKED",
                (rs, n) -> letter(rs), id).stream().findFirst();
    }

    List<UUID> idsUpTo(Instant deadLetteredAt, int limit) {
        return jdbc.queryForList("SELECT id FROM event_dead_letter WHERE dead_lettered_at <= ? "
                + "ORDER BY dead_lettered_at, id LIMIT ?", UUID.class, Timestamp.from(deadLetteredAt), limit);
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM event_dead_letter WHERE id = ?", id) == 1;
    }

    private DeadLetter letter(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("queue"), rs.getString("message_id"),
                rs.getString("event_type"), rs.getString("routing_key"), rs.getString("aggregate_id"),
                rs.getString("reason"), rs.getInt("attempts"), rs.getTimestamp("dead_lettered_at").toInstant(),
                rs.getInt("replays"), json.readValue(rs.getString("properties"), MAP),
                json.readValue(rs.getString("headers"), MAP), rs.getBytes("body"));
    }
}
