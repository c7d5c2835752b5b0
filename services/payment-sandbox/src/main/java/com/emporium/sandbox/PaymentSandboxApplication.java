package com.emporium.sandbox;

import com.emporium.platform.security.PlatformSecurityAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The payment sandbox. It is not an Emporium service and knows nothing of Emporium's access tokens: the
 * platform's JWT resource server is left out, and {@code access.SecurityConfiguration} checks the sandbox's own
 * secret key instead.
 */
@SpringBootApplication(exclude = PlatformSecurityAutoConfiguration.class)
@ConfigurationPropertiesScan
public class PaymentSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentSandboxApplication.class, args);
    }
}
