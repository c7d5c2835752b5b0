package com.emporium.platform.events.sample;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SampleController {

    private final Deposits deposits;

    SampleController(Deposits deposits) {
        this.deposits = deposits;
    }

    record DepositRequest(UUID accountId, long amount) {
    }

    @PostMapping("/api/sample/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    Deposits.Made deposit(@RequestBody DepositRequest request) {
        return deposits.deposit(request.accountId(), request.amount());
    }
}
