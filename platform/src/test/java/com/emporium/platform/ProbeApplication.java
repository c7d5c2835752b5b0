package com.emporium.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service on the platform library, with no database, to test what the platform gives every service. */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
class ProbeApplication {

    /** Command-line arguments: they outrank the platform's defaults, as a service's own configuration does. */
    static final String[] ARGUMENTS = {
        "--spring.application.name=probe",
        "--server.port=0",
        "--emporium.security.public-paths=/api/probe/**",
        "--emporium.security.jwt.jwk-set-uri=http://127.0.0.1:9/no-keys-needed",
        "--emporium.http.max-body-size=1KB",
        "--management.endpoint.health.group.ready.include=readinessState",
    };

    record Thing(@NotBlank String name, @Min(1) int quantity) {
    }

    @RestController
    static class ProbeController {

        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        @GetMapping("/api/probe/slow")
        String slow() throws InterruptedException {
            entered.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                return "released by timeout";
            }
            return "done";
        }

        @GetMapping("/api/probe/boom")
        String boom() {
            throw new IllegalStateException("secret internals: password=hunter2");
        }

        @PostMapping("/api/probe/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/api/private")
        String secret() {
            return "secret";
        }
    }
}
