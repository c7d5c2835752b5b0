package com.emporium.payment;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, on every start, which secrets are still the development defaults of application.yaml. */
@Component
class DevelopmentDefaults {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDefaults.class);
    static final String CLIENT_SECRET = "payment-service-dev-secret";
    static final String SANDBOX_SECRET_KEY = "sandbox-dev-secret-key";

    private final PaymentServiceProperties properties;

    DevelopmentDefaults(PaymentServiceProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        List<String> defaults = new ArrayList<>();
        if (CLIENT_SECRET.equals(properties.serviceToken().clientSecret())) {
            defaults.add("PAYMENT_SERVICE_CLIENT_SECRET");
        }
        if (SANDBOX_SECRET_KEY.equals(properties.sandbox().secretKey())) {
            defaults.add("SANDBOX_SECRET_KEY");
        }
        if (!defaults.isEmpty()) {
            log.warn("Running with DEVELOPMENT DEFAULT secrets: {}. Set them in the environment outside development.",
                    String.join(", ", defaults));
        }
    }
}
