package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import com.emporium.user.token.SigningKeys;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class SigningKeyRotationIT extends UserServiceIT {

    @Autowired
    SigningKeys keys;

    @Test
    void publishesOnlyPublicKeys() {
        ApiResponse jwks = get("/.well-known/jwks.json").send();

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").findValuesAsString("kid")).contains(keys.current().getKeyID());
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    @Test
    void keepsVerifyingATokenIssuedBeforeARotation() {
        Accounts.Account customer = Accounts.customer(api);
        String admin = Accounts.login(api, ADMIN_EMAIL, ADMIN_PASSWORD, clientAddress).accessToken();
        String before = keys.current().getKeyID();

        ApiResponse rotated = post("/api/users/admin/signing-keys/rotate").bearer(admin).send();

        assertThat(rotated.status()).isEqualTo(200);
        String after = rotated.json().get("kid").asString();
        assertThat(after).isNotEqualTo(before);
        assertThat(get("/.well-known/jwks.json").send().json().get("keys").findValuesAsString("kid"))
                .contains(before, after);
        assertThat(get("/api/users/me").bearer(customer.accessToken()).send().status()).isEqualTo(200);
        String fresh = Accounts.login(api, customer.email(), customer.password(), clientAddress).accessToken();
        assertThat(fresh.split("\\.")[0]).isNotEqualTo(customer.accessToken().split("\\.")[0]);
        assertThat(get("/api/users/me").bearer(fresh).send().status()).isEqualTo(200);
    }

    @Test
    void rotatesOnScheduleOnlyWhenTheCurrentKeyIsOldEnough() {
        String current = keys.current().getKeyID();

        assertThat(keys.rotateIfDue()).as("the current key is minutes old, the interval is 30 days").isEmpty();
        assertThat(keys.current().getKeyID()).isEqualTo(current);
    }

    @Test
    void signsWithTheNewKeyAfterARotationEvenWhenTheOldKeyLooksNewer() throws Exception {
        String before = keys.current().getKeyID();
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            // a replica whose clock ran ahead wrote the current key
            sql.executeUpdate("UPDATE signing_keys SET created_at = now() + interval '10 minutes' "
                    + "WHERE retired_at IS NULL");
        }

        String after = keys.rotate().kid();

        assertThat(after).isNotEqualTo(before);
        assertThat(keys.current().getKeyID()).isEqualTo(after);
    }

    @Test
    void refusesAKeyWhosePublicPartWasSwappedInTheDatabase() throws Exception {
        String victim = keys.current().getKeyID();
        keys.rotate();
        byte[] forged = new RSAKeyGenerator(2048).generate().toRSAPublicKey().getEncoded();
        try (Connection app = DATABASE.connectAsApp();
                PreparedStatement sql = app.prepareStatement("UPDATE signing_keys SET public_key = ? WHERE kid = ?")) {
            sql.setBytes(1, forged);
            sql.setString(2, victim);
            sql.executeUpdate();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/.well-known/jwks.json").send().json().get("keys").findValuesAsString("kid"))
                        .doesNotContain(victim)
                        .contains(keys.current().getKeyID()));
    }

    /** The service stops, and starts again on the same database: tokens it issued before still verify. */
    @Test
    void keepsVerifyingATokenAfterARestart() {
        Accounts.Account customer = Accounts.customer(api);
        String token;
        String kid;
        try (ConfigurableApplicationContext first = instance()) {
            token = Accounts.login(client(first), customer.email(), customer.password(), clientAddress).accessToken();
            kid = first.getBean(SigningKeys.class).current().getKeyID();
        }

        try (ConfigurableApplicationContext restarted = instance()) {
            assertThat(client(restarted).get("/api/users/me").bearer(token).send().status()).isEqualTo(200);
            assertThat(restarted.getBean(SigningKeys.class).current().getKeyID()).isEqualTo(kid);
        }
        assertThat(get("/api/users/me").bearer(token).send().status()).as("and on another replica").isEqualTo(200);
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(UserServiceApplication.class)
                .run("--server.port=0",
                        "--emporium.database.url=" + DATABASE.appUrl(),
                        "--emporium.database.migration-url=" + DATABASE.ownerUrl(),
                        "--emporium.user.throttle.redis-url=redis://127.0.0.1:6379",
                        "--emporium.user.throttle.key-prefix=it:" + DATABASE.name() + ":",
                        "--emporium.user.admin.email=" + ADMIN_EMAIL,
                        "--emporium.user.admin.password=" + ADMIN_PASSWORD,
                        "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1");
    }

    private static com.emporium.test.http.ApiClient client(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return new com.emporium.test.http.ApiClient(java.net.URI.create("http://127.0.0.1:" + port),
                com.emporium.test.contract.ContractRecorder.shared("user-service"));
    }
}
