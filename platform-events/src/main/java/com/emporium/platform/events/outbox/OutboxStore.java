package com.emporium.platform.events.outbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's queries. A batch is the oldest unsent event of each aggregate that no other relay holds (locked
 * with {@code SKIP LOCKED}), followed by the later unsent events of the same aggregates: no other relay can take
 * those while their aggregate's first unsent event is locked and unsent, so each aggregate's events are published
 * in the order they were written, by one relay at a time.
 */
final class OutboxStore {

    private static final TypeReference<Map<String, Object>> HEADERS = new TypeReference<>() {
    };

    private static final String COLUMNS = "position, event_id, event_type, routing_key, aggregate_id, occurred_at, body, headers";

    /**
     * The heads are found among the oldest unsent rows only (a window of a few batches): the oldest row of an
     * aggregate within that window is its oldest unsent row overall, so no per-row probe of the whole backlog is
     * needed. The lock re-checks {@code sent_at}, so a head another relay sent meanwhile is not taken again.
     */
    private static final String LOCK_HEADS = """
            WITH oldest AS (
                SELECT position, aggregate_id FROM event_outbox WHERE sent_at IS NULL ORDER BY position LIMIT ?),
            heads AS (
                SELECT min(position) AS position FROM oldest GROUP BY aggregate_id)
            SELECT %s FROM event_outbox
            WHERE position IN (SELECT position FROM heads) AND sent_at IS NULL
            ORDER BY position
            LIMIT ?
            FOR UPDATE SKIP LOCKED""".formatted(COLUMNS);

    private static final String FOLLOWERS = """
            SELECT %s FROM event_outbox
            WHERE sent_at IS NULL AND aggregate_id = ANY (?) AND NOT (position = ANY (?))
            ORDER BY position
            LIMIT ?""".formatted(COLUMNS);

    /** How many batches deep the relay looks for aggregates it can take (others may hold the first ones). */
    private static final int WINDOW = 4;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Locks and returns at most {@code limit} events to publish, in the order to publish them. */
    List<OutboxRow> lockNextBatch(int limit) {
        List<OutboxRow> rows = new ArrayList<>(jdbc.query(LOCK_HEADS, (rs, n) -> row(rs), WINDOW * limit, limit));
        if (rows.isEmpty() || rows.size() >= limit) {
            return rows;
        }
        Long[] heads = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
        rows.addAll(jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(FOLLOWERS);
            statement.setArray(1, connection.createArrayOf("text",
                    rows.stream().map(OutboxRow::aggregateId).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", heads));
            statement.setInt(3, limit - heads.length);
            return statement;
        }, (rs, n) -> row(rs)));
        rows.sort(Comparator.comparingLong(OutboxRow::position));
        return rows;
    }

    void markSent(List<OutboxRow> rows) {
        Long[] positions = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "UPDATE event_outbox SET sent_at = now() WHERE position = ANY (?)");
            Array array = connection.createArrayOf("bigint", positions);
            statement.setArray(1, array);
            return statement;
        });
    }

    private OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("position"), rs.getObject("event_id", java.util.UUID.class),
                rs.getString("event_type"), rs.getString("routing_key"), rs.getString("aggregate_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("body"),
                json.readValue(rs.getString("headers"), HEADERS));
    }
}
