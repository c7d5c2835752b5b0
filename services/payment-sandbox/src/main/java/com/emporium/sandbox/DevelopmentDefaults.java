package com.emporium.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, on every start, when the secret key is still the development default of application.yaml. */
@Component
class DevelopmentDefaults {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDefaults.class);
    static final String SECRET_KEY = "sandbox-dev-secret-key";

    private final SandboxProperties properties;

    DevelopmentDefaults(SandboxProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        if (SECRET_KEY.equals(properties.secretKey())) {
            log.warn("Running with DEVELOPMENT DEFAULT secrets: SANDBOX_SECRET_KEY. Set it in the environment "
                    + "outside development.");
        }
    }
}
