package com.emporium.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults with the lowest precedence, so an application's own configuration and the
 * environment override them: first the event backbone's ({@value #EVENTS_DEFAULTS}, present with
 * platform-events: the broker's address and publisher confirms), then the web stack's layer ({@value #STACK_DEFAULTS}, present when the servlet
 * platform is on the classpath), then where spans are exported ({@link TracingExport}, from the environment),
 * then platform-core's ({@value #CORE_DEFAULTS}: health and metrics paths, JSON logs, tracing, graceful
 * shutdown, token issuer and audience) below it.
 */
public final class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String EVENTS_DEFAULTS = "emporium-platform-events-defaults.yaml";
    static final String STACK_DEFAULTS = "emporium-platform-stack-defaults.yaml";
    static final String CORE_DEFAULTS = "emporium-platform-defaults.yaml";
    static final String TRACING_EXPORT = "emporium-tracing-export";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addLast(environment, new ClassPathResource(EVENTS_DEFAULTS, getClass().getClassLoader()));
        addLast(environment, new ClassPathResource(STACK_DEFAULTS, getClass().getClassLoader()));
        environment.getPropertySources().addLast(new MapPropertySource(TRACING_EXPORT,
                TracingExport.properties(environment::getProperty)));
        addLast(environment, new ClassPathResource(CORE_DEFAULTS, getClass().getClassLoader()));
    }

    private static void addLast(ConfigurableEnvironment environment, ClassPathResource resource) {
        if (!resource.exists()) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource.getPath(), resource);
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource.getPath(), ex);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
