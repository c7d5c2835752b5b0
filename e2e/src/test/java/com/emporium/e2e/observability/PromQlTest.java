package com.emporium.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNothingElse() {
        String expression = "histogram_quantile(0.95, sum by (uri, le) (rate(http_server_requests_seconds_bucket"
                + "{service=\"gateway\",uri!~\"/health.*|/metrics\"}[$__rate_interval]))) > 0.5 "
                + "and on (service) service:http_requests:rate5m > 1e-1";

        assertThat(PromQl.metricNames(expression))
                .containsExactly("http_server_requests_seconds_bucket", "service:http_requests:rate5m");
    }

    @Test
    void keepsDigitsInsideANameAsPartOfIt() {
        assertThat(PromQl.metricNames("service:http_request_duration_seconds:p95_rate5m > 0.5"))
                .containsExactly("service:http_request_duration_seconds:p95_rate5m");
    }

    @Test
    void readsTheMetricOfAGrafanaVariableQuery() {
        assertThat(PromQl.metricNames("label_values(process_uptime_seconds{service=\"gateway\"}, version)"))
                .containsExactly("process_uptime_seconds");
    }
}
