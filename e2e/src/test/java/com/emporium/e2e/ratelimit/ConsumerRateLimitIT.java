package com.emporium.e2e.ratelimit;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's limit on the user routes: 60 calls a minute per consumer (a token bucket holding 60, refilled
 * with one call a second). The calls go out a few at a time, so that all 61 take well under the second in
 * which the bucket would earn back a call.
 */
class ConsumerRateLimitIT {

    private static final int LIMIT = 60;
    private static final int IN_PARALLEL = 6;

    @Test
    void answersTheSixtyFirstCallOfAUserWithinAMinuteWith429AndRetryAfter() throws Exception {
        Account customer = Accounts.customer();
        ApiClient client = Gateway.client();
        Callable<ApiResponse> profile = () -> client.get("/api/users/me").bearer(customer.accessToken()).send();

        long started = System.nanoTime();
        List<ApiResponse> allowed = callInParallel(profile, LIMIT);
        ApiResponse sixtyFirst = profile.call();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(allowed).as("the first %d calls", LIMIT).extracting(ApiResponse::status)
                .hasSize(LIMIT).containsOnly(200);
        assertThat(sixtyFirst.status()).as("the 61st call, %d ms after the first: %s", took.toMillis(), sixtyFirst)
                .isEqualTo(429);
        assertProblem(sixtyFirst, 429, "rate-limited");
        assertThat(sixtyFirst.header("Retry-After")).as("Retry-After in seconds")
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    private static List<ApiResponse> callInParallel(Callable<ApiResponse> call, int times)
            throws InterruptedException, ExecutionException {
        List<ApiResponse> responses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(IN_PARALLEL)) {
            List<Future<ApiResponse>> pending = threads.invokeAll(IntStream.range(0, times).mapToObj(n -> call).toList());
            for (Future<ApiResponse> response : pending) {
                responses.add(response.get());
            }
        }
        return responses;
    }
}
