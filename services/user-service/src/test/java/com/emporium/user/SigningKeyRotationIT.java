package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import com.emporium.user.token.SigningKeys;
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

    /** A second instance on the same database: a restart, or another replica. */
    @Test
    void keepsVerifyingATokenAfterARestartAndAcrossReplicas() {
        Accounts.Account customer = Accounts.customer(api);
        String kid = keys.current().getKeyID();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(UserServiceApplication.class)
                .run("--server.port=0",
                        "--emporium.database.url=" + DATABASE.appUrl(),
                        "--emporium.database.migration-url=" + DATABASE.ownerUrl(),
                        "--emporium.user.throttle.key-prefix=it:" + DATABASE.name() + ":",
                        "--emporium.user.admin.email=" + ADMIN_EMAIL,
                        "--emporium.user.admin.password=" + ADMIN_PASSWORD)) {
            int otherPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            var other = com.emporium.test.http.ApiClient.unchecked(java.net.URI.create("http://127.0.0.1:" + otherPort));

            assertThat(other.get("/api/users/me").bearer(customer.accessToken()).send().status()).isEqualTo(200);
            assertThat(other.get("/.well-known/jwks.json").send().json().get("keys").findValuesAsString("kid"))
                    .contains(kid);
            assertThat(restarted.getBean(SigningKeys.class).current().getKeyID()).isEqualTo(kid);
        }
    }
}
