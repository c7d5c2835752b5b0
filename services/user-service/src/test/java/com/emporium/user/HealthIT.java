package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationContext;

class HealthIT extends UserServiceIT {

    @Autowired
    ApplicationContext context;

    @Test
    void isLiveAndReadyWithItsDatabase() {
        ApiResponse live = get("/health/live").send();
        ApiResponse ready = get("/health/ready").send();

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void isNotReadyWhileItsDatabaseIsCutOffAndRecoversAfter() {
        Accounts.Account customer = Accounts.customer(api);
        try {
            DATABASE_LINK.cut();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ApiResponse ready = get("/health/ready").send();
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().get("components").get("db").get("status").asString()).isEqualTo("DOWN");
            });
            assertThat(get("/health/live").send().status()).as("a dead dependency is no reason to restart")
                    .isEqualTo(200);
            ApiResponse me = get("/api/users/me").bearer(customer.accessToken()).send();
            assertThat(me.status()).as("the token still verifies; the profile cannot be read").isEqualTo(503);
            assertThat(me.header("Retry-After")).isPresent();
            assertThat(me.json().get("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
        } finally {
            DATABASE_LINK.restore();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/health/ready").send().status()).isEqualTo(200));
    }

    @Test
    void refusesLoginsWith503WhileRedisIsCutOffAndRecoversAfter() {
        String email = Accounts.newEmail();
        post("/api/auth/register").json(Accounts.registration(email)).send();
        try {
            REDIS_LINK.cut();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ApiResponse login = post("/api/auth/login")
                        .json(java.util.Map.of("email", email, "password", Accounts.PASSWORD)).send();
                assertThat(login.status()).isEqualTo(503);
                assertThat(login.header("Retry-After")).isPresent();
                assertThat(login.json().get("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
            });
            ApiResponse register = post("/api/auth/register").json(Accounts.registration(Accounts.newEmail())).send();
            assertThat(register.status()).isEqualTo(503);
            assertThat(get("/health/ready").send().status())
                    .as("the JWKS, refresh and profiles still work: the service stays in rotation").isEqualTo(200);
            assertThat(get("/.well-known/jwks.json").send().status()).isEqualTo(200);
            assertThat(api.unchecked().get("/health").send().json().get("components").get("redis").get("status")
                    .asString()).isEqualTo("DOWN");
        } finally {
            REDIS_LINK.restore();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post("/api/auth/login")
                .json(java.util.Map.of("email", email, "password", Accounts.PASSWORD)).send().status()).isEqualTo(200));
        assertThat(get("/health/ready").send().status()).isEqualTo(200);
    }

    @Test
    void answersEveryLoginWith503WithinTheRedisTimeoutWhileRedisHangs() throws Exception {
        String email = Accounts.newEmail();
        post("/api/auth/register").json(Accounts.registration(email)).send();
        List<Callable<ApiResponse>> logins = IntStream.range(0, 8)
                .<Callable<ApiResponse>>mapToObj(i -> () -> api.post("/api/auth/login")
                        .header("X-Forwarded-For", "192.0.2." + (100 + i))
                        .json(java.util.Map.of("email", email, "password", Accounts.PASSWORD)).send())
                .toList();
        List<ApiResponse> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            REDIS_LINK.blackhole();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<ApiResponse> answer : threads.invokeAll(logins)) {
                    answers.add(answer.get());
                }
            }
        } finally {
            REDIS_LINK.restore();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(503));
        assertThat(took).as("the logins wait side by side, not one behind another").isLessThan(Duration.ofSeconds(6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post("/api/auth/login")
                .json(java.util.Map.of("email", email, "password", Accounts.PASSWORD)).send().status()).isEqualTo(200));
    }

    @Test
    void reportsItselfNotLiveWhenItKnowsItIsBroken() {
        try {
            AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);

            ApiResponse live = get("/health/live").send();

            assertThat(live.status()).isEqualTo(503);
            assertThat(live.json().get("status").asString()).isEqualTo("DOWN");
        } finally {
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        }
        assertThat(get("/health/live").send().status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithServiceAndVersion() {
        get("/.well-known/jwks.json").send();

        ApiResponse metrics = get("/metrics").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_count")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("service=\"user-service\"").contains("version=\""));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes{").contains("hikaricp_connections_active{");
    }
}
