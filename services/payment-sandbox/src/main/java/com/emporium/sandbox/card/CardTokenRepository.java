package com.emporium.sandbox.card;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CardTokenRepository {

    private final JdbcClient jdbc;

    CardTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CardToken card) {
        jdbc.sql("""
                INSERT INTO card_tokens (token, brand, last4, exp_month, exp_year, behaviour, created_at)
                VALUES (:token, :brand, :last4, :expMonth, :expYear, :behaviour, :createdAt)
                """)
                .param("token", card.token())
                .param("brand", card.brand().wireName())
                .param("last4", card.last4())
                .param("expMonth", card.expMonth())
                .param("expYear", card.expYear())
                .param("behaviour", card.behaviour().code())
                .param("createdAt", Timestamp.from(card.createdAt()))
                .update();
    }

    Optional<CardToken> find(String token) {
        return jdbc.sql("SELECT * FROM card_tokens WHERE token = :token")
                .param("token", token)
                .query(CardTokenRepository::card)
                .optional();
    }

    private static CardToken card(ResultSet row, int number) throws SQLException {
        return new CardToken(row.getString("token"), Brand.ofWireName(row.getString("brand")), row.getString("last4"),
                row.getInt("exp_month"), row.getInt("exp_year"), Behaviour.ofCode(row.getString("behaviour")),
                row.getTimestamp("created_at").toInstant());
    }
}
