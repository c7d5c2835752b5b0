package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The user-service contract judged on answers written the way Spring writes them: what the service should
 * send passes, and the mistakes the contract exists to catch fail.
 */
class UserServiceContractTest {

    private static final ContractRecorder CONTRACT =
            ContractRecorder.forDocument(ContractLocator.locate("user-service", Path.of("")));

    private static final String USER_ID = "0b6f3c2e-8a1d-4f7e-9c55-2d3e4f5a6b7c";
    private static final String PROFILE = """
            {"id":"%s","email":"ada@example.com","displayName":"Ada","roles":["customer"],\
            "disabled":false,"createdAt":"2025-11-24T10:15:30.123456Z"}""".formatted(USER_ID);
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private static final String TOKEN = """
            {"accessToken":"%s","tokenType":"Bearer","expiresIn":900,"user":%s}""".formatted(JWT, PROFILE);
    private static final String REFRESH_COOKIE = "emporium_refresh=dGhlLXJlZnJlc2gtdG9rZW4; Path=/api/auth; "
            + "Max-Age=1209600; Expires=Mon, 08 Dec 2025 10:15:30 GMT; Secure; HttpOnly; SameSite=Strict";
    private static final String CLEARED_COOKIE = "emporium_refresh=; Path=/api/auth; Max-Age=0; "
            + "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict";

    @Test
    void acceptsALoginThatSetsTheRefreshCookie() {
        Interaction login = Answers.to("POST", "/api/auth/login").header("Set-Cookie", REFRESH_COOKIE).json(TOKEN).interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(login));
    }

    @Test
    void refusesARefreshCookieThatScriptsCanRead() {
        String readable = REFRESH_COOKIE.replace("; HttpOnly", "");
        Interaction login = Answers.to("POST", "/api/auth/login").header("Set-Cookie", readable).json(TOKEN).interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(login))
                .withMessageContaining("validation.response.header.schema.pattern");
    }

    @Test
    void refusesARefreshCookieSentBeyondTheAuthPaths() {
        String everywhere = REFRESH_COOKIE.replace("Path=/api/auth", "Path=/");
        Interaction refresh = Answers.to("POST", "/api/auth/refresh").header("Set-Cookie", everywhere).json(TOKEN).interaction();

        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> CONTRACT.verify(refresh));
    }

    @Test
    void acceptsALogoutThatClearsTheCookie() {
        Interaction logout = Answers.to("POST", "/api/auth/logout").status(204).header("Set-Cookie", CLEARED_COOKIE).interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(logout));
    }

    @Test
    void refusesALogoutThatKeepsTheCookie() {
        Interaction logout = Answers.to("POST", "/api/auth/logout").status(204).header("Set-Cookie", REFRESH_COOKIE).interaction();

        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> CONTRACT.verify(logout));
    }

    @Test
    void acceptsARegistrationWithARelativeOrAbsoluteLocation() {
        Interaction relative = Answers.to("POST", "/api/auth/register").status(201)
                .header("Location", "/api/users/me").json(PROFILE).interaction();
        Interaction absolute = Answers.to("POST", "/api/auth/register").status(201)
                .header("Location", "http://127.0.0.1:40123/api/users/me").json(PROFILE).interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(relative));
        assertThatNoException().isThrownBy(() -> CONTRACT.verify(absolute));
    }

    @Test
    void refusesAProfileThatShowsMoreThanItDocuments() {
        String leaky = PROFILE.replace("}", ",\"passwordHash\":\"$argon2id$v=19$...\"}");
        Interaction me = Answers.to("GET", "/api/users/me").json(leaky).interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(me))
                .withMessageContaining("passwordHash");
    }

    @Test
    void refusesARoleSpelledInUpperCase() {
        Interaction me = Answers.to("GET", "/api/users/me").json(PROFILE.replace("\"customer\"", "\"CUSTOMER\"")).interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(me))
                .withMessageContaining("validation.response.body.schema.enum");
    }

    @Test
    void acceptsAValidationProblemThatNamesItsFields() {
        Interaction register = Answers.to("POST", "/api/auth/register").status(400).problem("""
                {"type":"urn:problem:emporium:validation","title":"Invalid request","status":400,
                 "detail":"2 fields are invalid","instance":"/api/auth/register",
                 "errors":[{"field":"email","message":"must be a well-formed email address"},
                           {"field":"password","message":"size must be between 12 and 128"}]}""").interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(register));
    }

    @Test
    void acceptsAProblemWithExtensionMembers() {
        Interaction missing = Answers.to("GET", "/api/users/admin/users/" + USER_ID).status(404)
                .problem("{\"type\":\"urn:problem:emporium:not-found\",\"title\":\"Not found\",\"status\":404,\"traceId\":\"4bf92f3577b34da6\"}")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(missing));
    }

    @Test
    void refusesAProblemTypeTheContractDoesNotList() {
        Interaction conflict = Answers.to("POST", "/api/auth/register").status(409)
                .problem("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409}").interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(conflict))
                .withMessageContaining("validation.response.body.schema.enum");
    }

    @Test
    void refusesAProblemServedAsPlainJson() {
        Interaction conflict = Answers.to("POST", "/api/auth/register").status(409)
                .json("{\"type\":\"urn:problem:emporium:email-taken\",\"title\":\"Email taken\",\"status\":409}").interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(conflict))
                .withMessageContaining("validation.response.contentType.notAllowed");
    }

    @Test
    void acceptsABearerChallengeWithTheTokenError() {
        Interaction me = Answers.to("GET", "/api/users/me").status(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"Jwt expired\"")
                .problem("{\"type\":\"urn:problem:emporium:unauthorized\",\"title\":\"Unauthorized\",\"status\":401}")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(me));
    }

    @Test
    void refusesAnUnauthorizedAnswerWithoutAChallenge() {
        Interaction me = Answers.to("GET", "/api/users/me").status(401)
                .problem("{\"type\":\"urn:problem:emporium:unauthorized\",\"title\":\"Unauthorized\",\"status\":401}")
                .interaction();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> CONTRACT.verify(me))
                .withMessageContaining("WWW-Authenticate");
    }

    @Test
    void acceptsThrottlingThatSaysWhenToComeBack() {
        Interaction login = Answers.to("POST", "/api/auth/login").status(429).header("Retry-After", "42")
                .problem("{\"type\":\"urn:problem:emporium:rate-limited\",\"title\":\"Too many requests\",\"status\":429}")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(login));
    }

    @Test
    void acceptsAServiceTokenAndAClientChallenge() {
        Interaction issued = Answers.to("POST", "/oauth2/token")
                .json("{\"access_token\":\"" + JWT + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").interaction();
        Interaction refused = Answers.to("POST", "/oauth2/token").status(401).header("WWW-Authenticate", "Basic realm=\"emporium\"")
                .problem("{\"type\":\"urn:problem:emporium:invalid-client\",\"title\":\"Invalid client\",\"status\":401,\"error\":\"invalid_client\"}")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(issued));
        assertThatNoException().isThrownBy(() -> CONTRACT.verify(refused));
    }

    @Test
    void acceptsAKeySetAndAPageOfUsers() {
        Interaction jwks = Answers.to("GET", "/.well-known/jwks.json").json("""
                {"keys":[{"kty":"RSA","kid":"k2","use":"sig","alg":"RS256","n":"0vx7agoebGcQSuu","e":"AQAB"},
                         {"kty":"RSA","kid":"k1","use":"sig","alg":"RS256","n":"xjlCRBqkQRXg","e":"AQAB"}]}""")
                .interaction();
        Interaction page = Answers.to("GET", "/api/users/admin/users?page=0&size=20&sort=email,asc")
                .json("{\"items\":[" + PROFILE + "],\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(jwks));
        assertThatNoException().isThrownBy(() -> CONTRACT.verify(page));
    }

    @Test
    void acceptsActuatorHealthAndPrometheusText() {
        Interaction ready = Answers.to("GET", "/health/ready").status(503)
                .body("application/vnd.spring-boot.actuator.v3+json", "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}")
                .interaction();
        Interaction live = Answers.to("GET", "/health/live").json("{\"status\":\"UP\"}").interaction();
        Interaction metrics = Answers.to("GET", "/metrics")
                .body("text/plain;version=0.0.4;charset=utf-8", "# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 12.0\n")
                .interaction();

        assertThatNoException().isThrownBy(() -> CONTRACT.verify(ready));
        assertThatNoException().isThrownBy(() -> CONTRACT.verify(live));
        assertThatNoException().isThrownBy(() -> CONTRACT.verify(metrics));
    }
}
