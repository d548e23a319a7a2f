package ru.kuzbass.edu.workflows.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A date of the case's own time: from ten years before today to ten years after. It catches typing
 * errors (1800, 2999) and numbers that JSON turned into far-off days before any business rule runs.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Validator.class)
public @interface PlausibleDate {
  String message() default "Дата должна быть в пределах десяти лет от сегодняшнего дня";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {
    private final Clock clock;

    public Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      LocalDate today = RegionTime.today(clock);
      return value == null || (!value.isBefore(today.minusYears(10)) && !value.isAfter(today.plusYears(10)));
    }
  }
}
