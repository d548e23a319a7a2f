package ru.kuzbass.edu.workflows.people;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 11-digit SNILS whose checksum holds; separators («123-456-789 64») are allowed. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSnils.Validator.class)
public @interface ValidSnils {
  String message() default "СНИЛС указан неверно: нужны 11 цифр с верным контрольным числом";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidSnils, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Snils.isValid(value);
    }
  }
}
