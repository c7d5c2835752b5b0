package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The other IT class exercising the sample contract; coverage needs both to have run. */
class WidgetWritesIT {

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
    void exercisesTheWrites() {
        SampleContract.exerciseWrites(service, api);

        assertThat(ContractRecorder.shared(SampleContract.SERVICE).exercisedResponses())
                .contains(new DocumentedResponse("POST", "/widgets", "201"));
    }
}
