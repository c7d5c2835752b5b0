package com.emporium.payment.fake;

import com.emporium.test.auth.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * user-service's OAuth2 token endpoint as payment-service uses it: client credentials with HTTP Basic give a
 * {@code service} token signed by the suite's {@link TestTokens}. Remembers the tokens it gave, so that the fake
 * order-service can tell them.
 */
public final class FakeUserService {

    public static final String CLIENT_ID = "payment-service";
    public static final String CLIENT_SECRET = "payment-service-it-secret";

    private final HttpServer server;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    private FakeUserService(HttpServer server) {
        this.server = server;
    }

    public static FakeUserService start() {
        FakeUserService users = new FakeUserService(Http.bind(0));
        users.server.createContext("/oauth2/token", users::token);
        users.server.start();
        return users;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    boolean issued(String token) {
        return issued.contains(token);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!form.contains("grant_type=client_credentials")
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Http.send(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        String token = TestTokens.shared().forSubject(CLIENT_ID, "service");
        issued.add(token);
        Http.send(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 900));
    }
}
