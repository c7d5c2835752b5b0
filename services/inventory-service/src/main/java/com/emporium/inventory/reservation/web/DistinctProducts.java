package com.emporium.inventory.reservation.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** No product appears on two lines of one reservation: a quantity is said once, so it cannot be read two ways. */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctProducts.Validator.class)
@interface DistinctProducts {

    String message() default "must name each product at most once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<DistinctProducts, List<ReservationRequest.Line>> {

        @Override
        public boolean isValid(@Nullable List<ReservationRequest.Line> lines, ConstraintValidatorContext context) {
            if (lines == null) {
                return true;
            }
            Set<UUID> seen = new HashSet<>();
            return lines.stream().filter(Objects::nonNull).map(ReservationRequest.Line::productId)
                    .filter(Objects::nonNull).allMatch(seen::add);
        }
    }
}
