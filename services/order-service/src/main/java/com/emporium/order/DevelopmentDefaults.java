package com.emporium.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, on every start, when the service's client secret is still the development default of application.yaml. */
@Component
class DevelopmentDefaults {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDefaults.class);
    static final String CLIENT_SECRET = "order-service-dev-secret";

    private final OrderServiceProperties properties;

    DevelopmentDefaults(OrderServiceProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        if (CLIENT_SECRET.equals(properties.serviceToken().clientSecret())) {
            log.warn("Running with DEVELOPMENT DEFAULT secrets: ORDER_SERVICE_CLIENT_SECRET. Set them in the "
                    + "environment outside development.");
        }
    }
}
