package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EventsPropertiesTest {

    @Test
    void takesAnAreaThatIsOnePathSegment() {
        assertThat(withArea("order-admin").deadLetterArea()).isEqualTo("order-admin");
        assertThat(withArea(null).deadLetterArea()).isNull();
    }

    @Test
    void refusesAnAreaThatWouldTakeTheDeadLettersOutOfTheAdminRoutes() {
        // /api/orders/v2/admin/** is not under /api/*/admin/**, which only admins reach: customers could replay
        assertThatIllegalArgumentException().isThrownBy(() -> withArea("orders/v2"))
                .withMessageContaining("dead-letter-area");
        assertThatIllegalArgumentException().isThrownBy(() -> withArea("orders/**"));
    }

    private static EventsProperties withArea(@Nullable String area) {
        return new EventsProperties("emporium.events", "emporium.dead-letters", "orders", area,
                new EventsProperties.Relay(true, 200, Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofMillis(200), Duration.ofSeconds(5)),
                new EventsProperties.Consumer(50, Duration.ofMillis(10), Duration.ofMillis(2), 5, Duration.ofMillis(200), 2.0,
                        Duration.ofSeconds(5), 20, Duration.ofSeconds(5), Duration.ofSeconds(2)),
                new EventsProperties.Retention(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(1)));
    }
}
