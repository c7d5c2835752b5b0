package com.emporium.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, on every start, which secrets are still the development defaults that ship in application.yaml, so
 * that no one runs a real deployment on them without being told.
 */
@Component
class DevelopmentDefaults {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDefaults.class);
    static final String KEY_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1lbXBvcml1bS1rZXkhISE=";
    static final String ADMIN_PASSWORD = "admin-dev-password-change-me";

    private final UserServiceProperties properties;

    DevelopmentDefaults(UserServiceProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        List<String> defaults = new ArrayList<>();
        if (KEY_ENCRYPTION_KEY.equals(properties.tokens().keyEncryptionKey())) {
            defaults.add("JWT_KEY_ENCRYPTION_KEY");
        }
        if (ADMIN_PASSWORD.equals(properties.admin().password())) {
            defaults.add("ADMIN_PASSWORD");
        }
        Map<String, String> clientVariables = Map.of("order-service", "ORDER_SERVICE_CLIENT_SECRET",
                "payment-service", "PAYMENT_SERVICE_CLIENT_SECRET", "inventory-service", "INVENTORY_SERVICE_CLIENT_SECRET");
        properties.clients().stream()
                .filter(client -> client.secret().equals(client.id() + "-dev-secret"))
                .forEach(client -> defaults.add(clientVariables.getOrDefault(client.id(), "the secret of " + client.id())));
        if (!defaults.isEmpty()) {
            log.warn("Running with DEVELOPMENT DEFAULT secrets: {}. Set them in the environment outside development.",
                    String.join(", ", defaults));
        }
    }
}
