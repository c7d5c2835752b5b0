package com.emporium.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults (health and metrics paths, JSON logs, tracing, graceful shutdown, virtual
 * threads) with the lowest precedence, so a service's own configuration and the environment override them.
 */
public final class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "emporium-platform-defaults.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load("emporium-platform-defaults", new ClassPathResource(DEFAULTS));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, ex);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
