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
 * The gateway's limit on the user routes: 60 calls a minute per consumer, a token bucket holding 60 and
 * refilled with one call a second.
 *
 * <p>The first 60 calls go out a few at a time, so that they and the 61st normally take well under the second
 * in which the bucket earns a call back: then the 61st is refused. On a machine slow enough to take longer,
 * the bucket has rightly earned back one call per whole second, and exactly that many more may pass before
 * the first refusal; the test allows that and no more, so it checks the same contract without depending on
 * the machine's speed.
 */
class ConsumerRateLimitIT {

    private static final int LIMIT = 60;
    private static final int IN_PARALLEL = 6;

    @Test
    void refusesTheCallsOfAUserBeyondSixtyAMinuteWith429AndRetryAfter() throws Exception {
        Account customer = Accounts.customer();
        ApiClient client = Gateway.client();
        Callable<ApiResponse> profile = () -> client.get("/api/users/me").bearer(customer.accessToken()).send();

        long started = System.nanoTime();
        List<ApiResponse> first = callInParallel(profile, LIMIT);
        List<ApiResponse> beyond = callUntilRefused(profile, LIMIT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first).as("the first %d calls", LIMIT).extracting(ApiResponse::status)
                .hasSize(LIMIT).containsOnly(200);
        ApiResponse refused = beyond.getLast();
        assertThat(beyond.size() - 1).as("calls past the %dth that passed within %d ms, when the bucket earns one"
                + " back a second; the first refused: %s", LIMIT, took.toMillis(), refused)
                .isLessThanOrEqualTo((int) took.toSeconds());
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).as("Retry-After in seconds")
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

    /** Calls one at a time until a call is refused (or {@code atMost} calls passed); the last is the refused one. */
    private static List<ApiResponse> callUntilRefused(Callable<ApiResponse> call, int atMost) throws Exception {
        List<ApiResponse> responses = new ArrayList<>();
        ApiResponse response;
        do {
            response = call.call();
            responses.add(response);
        } while (response.status() == 200 && responses.size() <= atMost);
        return responses;
    }
}
