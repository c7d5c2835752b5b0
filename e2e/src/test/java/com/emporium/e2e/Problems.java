package com.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers, the shape of every error the platform gives. */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts an {@code application/problem+json} answer with this status, the type
     * {@code urn:problem:emporium:<type>}, the same status in the body, and a title.
     *
     * @return the body, for further assertions
     */
    public static JsonNode assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response)
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).as("type of %s", response)
                .isEqualTo("urn:problem:emporium:" + type);
        assertThat(problem.path("status").asInt()).as("status in the body of %s", response).isEqualTo(status);
        assertThat(problem.path("title").asString()).as("title of %s", response).isNotBlank();
        return problem;
    }
}
