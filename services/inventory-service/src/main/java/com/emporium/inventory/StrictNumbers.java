package com.emporium.inventory;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A fraction where a whole number belongs ({@code "quantity": 1.5}) is a 400 naming the field, not a value quietly
 * truncated to 1: Jackson accepts and truncates it by default, and the platform's strict reading covers text only.
 * (A candidate for the platform: every service counts things.)
 */
@Configuration(proxyBeanMethods = false)
class StrictNumbers {

    @Bean
    JsonMapperBuilderCustomizer noFractionsForWholeNumbers() {
        return builder -> builder.withCoercionConfig(LogicalType.Integer, config -> config
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
