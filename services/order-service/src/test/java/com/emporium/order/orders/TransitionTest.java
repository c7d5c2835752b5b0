package com.emporium.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The status machine, whole: exactly the five steps of ARCHITECTURE.md, and nothing else. */
class TransitionTest {

    private static final Map<Transition, Set<OrderStatus>> ALLOWED = Map.of(
            Transition.CONFIRM, EnumSet.of(OrderStatus.PENDING),
            Transition.CANCEL, EnumSet.of(OrderStatus.PENDING, OrderStatus.CONFIRMED),
            Transition.SHIP, EnumSet.of(OrderStatus.CONFIRMED),
            Transition.DELIVER, EnumSet.of(OrderStatus.SHIPPED));

    @ParameterizedTest
    @EnumSource(Transition.class)
    void allowsExactlyTheDocumentedSteps(Transition transition) {
        for (OrderStatus from : OrderStatus.values()) {
            if (ALLOWED.get(transition).contains(from)) {
                assertThat(transition.apply(from)).as("%s from %s", transition, from).isEqualTo(transition.to());
            } else {
                assertThatExceptionOfType(IllegalTransition.class).as("%s from %s", transition, from)
                        .isThrownBy(() -> transition.apply(from));
            }
        }
    }

    @Test
    void leadsWhereTheStatusMachineSays() {
        assertThat(Transition.CONFIRM.to()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(Transition.CANCEL.to()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(Transition.SHIP.to()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(Transition.DELIVER.to()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void leavesNoWayOutOfDeliveredOrCancelled() {
        for (Transition transition : Transition.values()) {
            assertThatExceptionOfType(IllegalTransition.class)
                    .isThrownBy(() -> transition.apply(OrderStatus.DELIVERED));
            assertThatExceptionOfType(IllegalTransition.class)
                    .isThrownBy(() -> transition.apply(OrderStatus.CANCELLED));
        }
    }

    @Test
    void namesBothStatusesOfARefusedStep() {
        IllegalTransition refused = org.assertj.core.api.Assertions.catchThrowableOfType(IllegalTransition.class,
                () -> Transition.SHIP.apply(OrderStatus.PENDING));

        assertThat(refused.getBody().getProperties()).containsEntry("from", "pending").containsEntry("to", "shipped");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
    }
}
