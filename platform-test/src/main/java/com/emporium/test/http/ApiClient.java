package com.emporium.test.http;

import com.emporium.test.contract.ContractRecorder;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A small fluent HTTP client for integration tests against a running service:
 * <pre>{@code
 * ApiClient api = ApiClient.local(port, ContractRecorder.shared("user-service"));
 * ApiResponse login = api.post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
 * }</pre>
 * Every exchange is handed to the {@link ContractRecorder}, which fails the test when the response breaks the
 * contract. {@link #unchecked(URI)} (or {@link #unchecked()}) sends requests that deliberately leave the
 * contract, such as an unknown path.
 *
 * <p>Requests use HTTP/1.1, follow no redirect and keep no cookies: a test sends the cookies it means to
 * send. One JDK {@link HttpClient} serves every instance, and one more each local address that
 * {@link #from(InetAddress)} names.
 */
public final class ApiClient {

    private static final HttpClient HTTP = builder().build();
    private static final Map<InetAddress, HttpClient> FROM_ADDRESS = new ConcurrentHashMap<>();

    private final URI base;
    private final @Nullable ContractRecorder contract;
    private final HttpClient http;

    /**
     * @param base the service's root, e.g. {@code http://127.0.0.1:54321}; request paths are resolved against it
     * @param contract the contract every response must conform to
     */
    public ApiClient(URI base, ContractRecorder contract) {
        this(contract, base, HTTP);
    }

    private ApiClient(@Nullable ContractRecorder contract, URI base, HttpClient http) {
        this.base = base;
        this.contract = contract;
        this.http = http;
    }

    /** A client of the service listening on this port of the loopback address, e.g. Spring's random port. */
    public static ApiClient local(int port, ContractRecorder contract) {
        return new ApiClient(URI.create("http://127.0.0.1:" + port), contract);
    }

    /** A client whose exchanges no contract checks: for calls that deliberately leave the contract. */
    public static ApiClient unchecked(URI base) {
        return new ApiClient(null, base, HTTP);
    }

    /** This client's service, without the contract check (and from the same local address). */
    public ApiClient unchecked() {
        return new ApiClient(null, base, http);
    }

    /**
     * This client, with its connections opened from this local address. Every address of 127.0.0.0/8 reaches
     * a server listening on 127.0.0.1, so a test can be a client of its own, with its own address, to a
     * server's per-address limits, without a proxy header.
     */
    public ApiClient from(InetAddress localAddress) {
        return new ApiClient(contract, base,
                FROM_ADDRESS.computeIfAbsent(localAddress, address -> builder().localAddress(address).build()));
    }

    public URI base() {
        return base;
    }

    public ApiRequest get(String path) {
        return request("GET", path);
    }

    public ApiRequest post(String path) {
        return request("POST", path);
    }

    public ApiRequest put(String path) {
        return request("PUT", path);
    }

    public ApiRequest patch(String path) {
        return request("PATCH", path);
    }

    public ApiRequest delete(String path) {
        return request("DELETE", path);
    }

    /**
     * A request with any method.
     *
     * @param path the path, optionally with a query, e.g. {@code /api/users/admin/users?page=1}
     */
    public ApiRequest request(String method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path starts with '/': " + path);
        }
        return new ApiRequest(http, method, base.resolve(path), contract);
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
    }
}
