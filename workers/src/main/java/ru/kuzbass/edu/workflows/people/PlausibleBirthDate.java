package ru.kuzbass.edu.workflows.people;

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
import java.time.Period;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * A birth date of a working adult: between 18 and 100 years before today. It catches typing
 * errors (2099, 1899); the campaign's own age limit is a separate, configurable rule.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleBirthDate.Validator.class)
public @interface PlausibleBirthDate {
  String message() default "Дата рождения должна соответствовать возрасту от 18 до 100 лет";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {
    private final Clock clock;

    public Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      int years = Period.between(value, RegionTime.today(clock)).getYears();
      return years >= 18 && years <= 100;
    }
  }
}
