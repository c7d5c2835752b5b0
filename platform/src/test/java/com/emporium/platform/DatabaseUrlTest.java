package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.emporium.platform.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void turnsAPostgresUrlIntoJdbcAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://order_app:s3cret@db.internal:6543/orders?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
        assertThat(url.username()).isEqualTo("order_app");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void defaultsThePortAndDecodesEscapedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40x:p%3Ass%2Fw@localhost/users");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/users");
        assertThat(url.username()).isEqualTo("app@x");
        assertThat(url.password()).isEqualTo("p:ss/w");
    }

    @Test
    void keepsAPlusInTheCredentialsAsAPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:a+b%2Bc@h/db");

        assertThat(url.username()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("a+b+c");
    }

    @Test
    void decodesEscapedUtf8InTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://m%C3%BCller:%E2%82%AC%20x@h/db");

        assertThat(url.username()).isEqualTo("m\u00fcller");
        assertThat(url.password()).isEqualTo("\u20ac x");
    }

    @Test
    void acceptsAJdbcUrlAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/x", "u", "p");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://127.0.0.1:5432/x", "u", "p"));
    }

    @Test
    void refusesOtherSchemesAndUrlsWithoutADatabaseWithoutEchoingThePassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
                .withMessageContaining("postgres://").withMessageNotContaining("topsecret");
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgres://u:topsecret@h:5432/"))
                .withMessageContaining("no database").withMessageNotContaining("topsecret");
    }

    @Test
    void refusesAMalformedUrlWithoutCarryingThePasswordInACause() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgres://u:top%2secret@h/db"))
                .withMessageContaining("Malformed escape pair").withMessageNotContaining("secret").withNoCause();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(DatabaseUrl.parse("postgres://u:topsecret@h/db").toString()).doesNotContain("topsecret");
    }
}
