package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings are checked at start-up: the defaults hold, and timings that could lose a charge are refused. */
class PaymentServicePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentServiceProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsKeepAPaymentUnderTheGatewaysTimeout() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            PaymentServiceProperties settings = context.getBean(PaymentServiceProperties.class);
            assertThat(settings.sandbox().chargeBudget()).isEqualTo(Duration.ofSeconds(6));
            assertThat(settings.worstPaymentRequest()).isLessThan(Duration.ofSeconds(9));
        });
    }

    @Test
    void refusesAPaymentThatCouldOutlastTheGateway() {
        runner.withPropertyValues("emporium.payments.order-service.read-timeout=3s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("under 9s"));
    }

    @Test
    void refusesAChargeBudgetThatHoldsNoWholeAttempt() {
        runner.withPropertyValues("emporium.payments.sandbox.charge-budget=3s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("charge-budget must hold at least one attempt"));
    }

    /** The review's case: given up after 5s while the charge (budget 6s) may still be running. */
    @Test
    void refusesGivingUpAPaymentWhileItsChargeMayStillRun() {
        runner.withPropertyValues("emporium.payments.resolver.after=2s", "emporium.payments.resolver.abandon-after=5s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("abandon-after must be longer than a whole charge"));
        runner.withPropertyValues("emporium.payments.resolver.after=2s", "emporium.payments.resolver.abandon-after=7s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void fewAttemptsShortenTheWholeCharge() {
        runner.withPropertyValues("emporium.payments.sandbox.retry.max-attempts=1",
                "emporium.payments.resolver.after=2s", "emporium.payments.resolver.abandon-after=4s").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PaymentServiceProperties.class).sandbox().chargeWorstCase())
                            .isEqualTo(Duration.ofMillis(3500));
                });
    }
}
