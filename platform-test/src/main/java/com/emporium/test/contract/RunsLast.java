package com.emporium.test.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Order;

/**
 * Puts a test class after every other one when the module orders classes by {@link Order}
 * ({@code junit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$OrderAnnotation}).
 *
 * <p>{@code @Order} itself is not inherited; this annotation is, and JUnit finds the {@code @Order} it carries
 * on every subclass of an annotated class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Order(Integer.MAX_VALUE)
public @interface RunsLast {
}
