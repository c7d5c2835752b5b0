package com.emporium.platform.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * No observation of the requests that probe a service ({@code /health/**}) or scrape it ({@code /metrics}): at
 * 100 % sampling each would be a trace of its own, several a second across the platform, burying the traces of
 * real requests; nor are they traffic the request metrics should count.
 */
final class ProbeObservations implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request) {
            return !isProbe(request.getCarrier().getRequestURI());
        }
        return true;
    }

    static boolean isProbe(String path) {
        return path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/");
    }
}
