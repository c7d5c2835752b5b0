package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One of two IT classes that together exercise the sample contract, as a service's IT classes would. */
class WidgetReadsIT {

    private static StubServer service;
    private static ApiClient api;

    @BeforeAll
    static void startService() {
        service = StubServer.start();
        api = ApiClient.local(service.base().getPort(), ContractRecorder.shared(SampleContract.SERVICE));
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void exercisesTheReadsAndDeletes() {
        SampleContract.exerciseReads(service, api);

        assertThat(ContractRecorder.shared(SampleContract.SERVICE).exercisedResponses())
                .contains(new DocumentedResponse("GET", "/widgets/{id}", "200"));
    }
}
