package com.emporium.user.account;

import com.emporium.platform.web.PageQuery;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL, through plain SQL. */
@Repository
public class UserRepository {

    /** API sort field → column; the only values that ever reach ORDER BY. */
    public static final Map<String, String> SORTABLE = Map.of(
            "email", "email", "displayName", "display_name", "createdAt", "created_at");

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new account; a duplicate email raises {@link org.springframework.dao.DuplicateKeyException}. */
    public void insert(User user) {
        jdbc.sql("""
                INSERT INTO users (id, email, display_name, password_hash, roles, disabled_at, created_at, updated_at)
                VALUES (:id, :email, :displayName, :passwordHash, :roles::text[], :disabledAt, :createdAt, :updatedAt)
                """)
                .param("id", user.id().value())
                .param("email", user.email())
                .param("displayName", user.displayName())
                .param("passwordHash", user.passwordHash())
                .param("roles", rolesLiteral(user.roles()))
                .param("disabledAt", timestamp(user.disabledAt()))
                .param("createdAt", timestamp(user.createdAt()))
                .param("updatedAt", timestamp(user.updatedAt()))
                .update();
    }

    public Optional<User> findById(UserId id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id.value()).query(UserRepository::map)
                .optional();
    }

    public Optional<User> findByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT * FROM users WHERE email = :email").param("email", normalizedEmail)
                .query(UserRepository::map).optional();
    }

    public boolean updateDisplayName(UserId id, String displayName, Instant now) {
        return jdbc.sql("UPDATE users SET display_name = :name, updated_at = :now WHERE id = :id")
                .param("name", displayName).param("now", timestamp(now)).param("id", id.value()).update() == 1;
    }

    public boolean updatePasswordHash(UserId id, String passwordHash, Instant now) {
        return jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", passwordHash).param("now", timestamp(now)).param("id", id.value()).update() == 1;
    }

    public boolean updateRoles(UserId id, Set<Role> roles, Instant now) {
        return jdbc.sql("UPDATE users SET roles = :roles::text[], updated_at = :now WHERE id = :id")
                .param("roles", rolesLiteral(roles)).param("now", timestamp(now)).param("id", id.value())
                .update() == 1;
    }

    public boolean updateDisabledAt(UserId id, @Nullable Instant disabledAt, Instant now) {
        return jdbc.sql("UPDATE users SET disabled_at = :disabledAt, updated_at = :now WHERE id = :id")
                .param("disabledAt", timestamp(disabledAt)).param("now", timestamp(now)).param("id", id.value())
                .update() == 1;
    }

    public List<User> page(PageQuery query) {
        String column = SORTABLE.get(query.sortField());
        String direction = query.ascending() ? "ASC" : "DESC";
        return jdbc.sql("SELECT * FROM users ORDER BY " + column + " " + direction + ", id " + direction
                        + " LIMIT :limit OFFSET :offset")
                .param("limit", query.size()).param("offset", query.offset())
                .query(UserRepository::map).list();
    }

    /** Active (not disabled) accounts with the admin role. */
    public long countActiveAdmins() {
        return jdbc.sql("SELECT count(*) FROM users WHERE 'admin' = ANY (roles) AND disabled_at IS NULL")
                .query(Long.class).single();
    }

    /** Serializes changes to who is an admin until the transaction ends, so two cannot demote each other. */
    public void lockAdministration() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('emporium.user-service.administration'))")
                .query((rs, row) -> 1).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), rs.getString("password_hash"), roles(rs.getArray("roles")),
                instant(rs.getTimestamp("disabled_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::fromWire).forEach(roles::add);
        return roles;
    }

    /** A PostgreSQL array literal of wire names; role names are fixed words, so no quoting is needed. */
    private static String rolesLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().sorted().map(Role::wireName).toList()) + "}";
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
