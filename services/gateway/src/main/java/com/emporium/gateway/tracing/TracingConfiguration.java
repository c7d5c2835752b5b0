package com.emporium.gateway.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No observation of the requests that probe the gateway ({@code /health/**}) or scrape it ({@code /metrics}): at
 * 100 % sampling each would be a trace of its own, burying the traces of real requests; nor are they traffic the
 * request metrics should count.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    ObservationPredicate noProbeObservations() {
        return (String name, Observation.Context context) ->
                !(context instanceof ServerRequestObservationContext request)
                        || !isProbe(request.getCarrier().getPath().value());
    }

    static boolean isProbe(String path) {
        return path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/");
    }
}
