package com.emporium.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event's payload record as it travels: its {@code type} (past tense, {@code OrderPlaced}), the
 * {@code version} of its payload's shape, and the routing key it is published with ({@code order.placed}).
 * A change that would break a consumer is a new version, documented in {@code contracts/events.yaml}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version() default 1;

    String routingKey();
}
