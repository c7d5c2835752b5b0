package com.emporium.test.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.emporium.test.stub.Received;
import com.emporium.test.stub.Reply;
import com.emporium.test.stub.StubServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private final StubServer service = StubServer.start();
    private final ApiClient api = ApiClient.unchecked(service.base());

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void writesAnObjectAsJson() {
        service.on("POST", "/things", Reply.status(201));

        api.post("/things").json(Map.of("name", "bolt")).send();

        Received request = service.lastReceived();
        assertThat(request.header("Content-Type")).hasValue("application/json");
        assertThat(request.body()).isEqualTo("{\"name\":\"bolt\"}");
    }

    @Test
    void sendsAStringAsJsonTextUnchanged() {
        service.on("POST", "/things", Reply.status(400));

        api.post("/things").json("{\"name\":").send();

        assertThat(service.lastReceived().body()).isEqualTo("{\"name\":");
    }

    @Test
    void encodesAForm() {
        service.on("POST", "/token", Reply.status(200));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("scope", "a b&c");

        api.post("/token").form(fields).send();

        Received request = service.lastReceived();
        assertThat(request.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("grant_type=client_credentials&scope=a+b%26c");
    }

    @Test
    void sendsBytesWithOrWithoutAContentType() {
        service.on("PUT", "/blob", Reply.status(204));

        api.put("/blob").body("application/octet-stream", new byte[] {1, 2, 3}).send();
        assertThat(service.lastReceived().bodyBytes()).containsExactly(1, 2, 3);
        assertThat(service.lastReceived().header("Content-Type")).hasValue("application/octet-stream");

        api.put("/blob").body(null, "plain").send();
        assertThat(service.lastReceived().header("Content-Type")).isEmpty();
    }

    @Test
    void sendsCredentialsCookiesAndHeaders() {
        service.on("GET", "/me", Reply.status(200));

        api.get("/me").bearer("t0ken").cookie("a", "1").cookie("b", "2").header("X-Trace", "one").header("X-Trace", "two").send();

        Received request = service.lastReceived();
        assertThat(request.header("Authorization")).hasValue("Bearer t0ken");
        assertThat(request.header("Cookie")).hasValue("a=1; b=2");
        assertThat(request.headers("X-Trace")).containsExactly("one", "two");
    }

    @Test
    void encodesBasicCredentials() {
        service.on("POST", "/token", Reply.status(200));

        api.post("/token").basic("order-service", "s3cret:é").send();

        String expected = Base64.getEncoder().encodeToString("order-service:s3cret:é".getBytes(StandardCharsets.UTF_8));
        assertThat(service.lastReceived().header("Authorization")).hasValue("Basic " + expected);
    }

    @Test
    void appendsEncodedQueryParameters() {
        service.on("GET", "/users", Reply.status(200));

        api.get("/users?page=1").query("sort", "createdAt,desc").query("q", "a b").send();

        assertThat(service.lastReceived().uri().getRawQuery()).isEqualTo("page=1&sort=createdAt%2Cdesc&q=a+b");
    }

    @Test
    void readsStatusHeadersAndJson() {
        service.on("GET", "/things/1", Reply.status(200).header("ETag", "\"v1\"").json("{\"name\":\"bolt\",\"sizes\":[1,2]}"));

        ApiResponse response = api.get("/things/1").timeout(Duration.ofSeconds(5)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("etag")).hasValue("\"v1\"");
        assertThat(response.contentType()).hasValue("application/json");
        assertThat(response.json().get("name").asString()).isEqualTo("bolt");
        assertThat(response.json().get("sizes")).hasSize(2);
        assertThat(response.as(Thing.class)).isEqualTo(new Thing("bolt", List.of(1, 2)));
        assertThat(response).hasToString("GET /things/1 -> 200 application/json {\"name\":\"bolt\",\"sizes\":[1,2]}");
    }

    @Test
    void decodesTheBodyWithTheCharsetOfItsContentType() {
        service.on("GET", "/latin", Reply.status(200).body("text/plain; charset=ISO-8859-1", "café".getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(api.get("/latin").send().body()).isEqualTo("café");
    }

    @Test
    void failsWhenABodyThatShouldBeJsonIsNot() {
        service.on("GET", "/html", Reply.status(200).body("text/html", "<p>hi</p>"));
        ApiResponse response = api.get("/html").send();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(response::json)
                .withMessageContaining("Expected a JSON body from GET /html -> 200 text/html <p>hi</p>");
    }

    @Test
    void readsTheCookiesTheResponseSets() {
        service.on("POST", "/login", Reply.status(200)
                .header("Set-Cookie", "theme=dark")
                .header("Set-Cookie", "sid=abc; Path=/api/auth; Max-Age=600; Secure; HttpOnly; SameSite=Strict"));

        ApiResponse response = api.post("/login").send();

        assertThat(response.cookies()).extracting(SetCookie::name).containsExactly("theme", "sid");
        SetCookie session = response.cookie("sid").orElseThrow();
        assertThat(session.value()).isEqualTo("abc");
        assertThat(session.path()).hasValue("/api/auth");
        assertThat(session.maxAge()).hasValue(Duration.ofMinutes(10));
        assertThat(session.httpOnly()).isTrue();
        assertThat(session.secure()).isTrue();
        assertThat(session.sameSite()).hasValue("Strict");
        assertThat(response.cookie("missing")).isEmpty();
    }

    @Test
    void connectsFromTheLocalAddressItIsGiven() throws Exception {
        service.on("GET", "/me", Reply.status(200));
        InetAddress client = InetAddress.getByName("127.0.0.42");

        api.from(client).get("/me").send();
        api.from(client).unchecked().get("/me").send();
        api.get("/me").send();

        assertThat(service.received()).extracting(Received::from)
                .containsExactly(client, client, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void refusesAPathWithoutALeadingSlash() {
        assertThatIllegalArgumentException().isThrownBy(() -> api.get("things"));
    }

    record Thing(String name, List<Integer> sizes) {
    }
}
