package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Log lines are JSON with the service, its version and the trace of the request that caused them. */
@ExtendWith(OutputCaptureExtension.class)
class TraceLoggingIT extends UserServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLogLineCarriesTheTraceIdOfTheIncomingTraceparent(CapturedOutput output) {
        Accounts.Account customer = Accounts.customer(api);
        post("/api/auth/refresh").cookie("emporium_refresh", customer.refreshToken()).send();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        post("/api/auth/refresh").cookie("emporium_refresh", customer.refreshToken())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();

        List<JsonNode> warnings = output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains("refresh token was presented again"))
                .map(JSON::readTree)
                .toList();
        assertThat(warnings).hasSize(1);
        JsonNode line = warnings.getFirst();
        assertThat(line.get("traceId").asString()).isEqualTo(traceId);
        assertThat(line.get("spanId").asString()).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
        assertThat(line.get("service").get("name").asString()).isEqualTo("user-service");
        assertThat(line.get("service").get("version").asString()).isNotBlank();
        assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
    }
}
