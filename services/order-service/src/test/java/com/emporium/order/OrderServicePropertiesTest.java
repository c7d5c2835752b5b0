package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings that would break a promise of the contract are refused at start-up. */
class OrderServicePropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsTheDefaults() {
        assertThat(validator.validate(properties(Duration.ofHours(24), 3))).isEmpty();
    }

    @Test
    void refusesToKeepIdempotencyKeysLessThanADay() {
        Set<ConstraintViolation<OrderServiceProperties>> violations = validator.validate(
                properties(Duration.ofHours(23), 3));

        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .containsExactly("idempotency.retention must be at least 24 hours");
    }

    @Test
    void refusesAReservationWithoutAnyAttempt() {
        assertThat(validator.validate(properties(Duration.ofHours(24), 0))).extracting(
                violation -> violation.getPropertyPath().toString()).containsExactly("inventory.retry.maxAttempts");
    }

    private static OrderServiceProperties properties(Duration retention, int attempts) {
        return new OrderServiceProperties(Duration.ofMinutes(15), Duration.ofSeconds(10), 100, 5, Duration.ofMinutes(1),
                new OrderServiceProperties.Idempotency(retention, Duration.ofHours(1)),
                new OrderServiceProperties.Inventory(URI.create("http://127.0.0.1:8001"), Duration.ofMillis(500),
                        Duration.ofSeconds(2), new OrderServiceProperties.Retry(attempts, Duration.ofMillis(100), 2.0,
                                Duration.ofSeconds(1)),
                        new OrderServiceProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(10), 3),
                        Duration.ofSeconds(5)),
                new OrderServiceProperties.ServiceToken(URI.create("http://127.0.0.1:3001"), "order-service",
                        "secret", Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(2),
                        Duration.ofMillis(500)));
    }
}
