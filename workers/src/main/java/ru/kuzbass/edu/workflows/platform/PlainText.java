package ru.kuzbass.edu.workflows.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed into a field: letters, digits, punctuation and spaces, line breaks allowed.
 * Refused: control characters, invisible and bidi formatting characters (zero-width spaces, RTL
 * marks), characters beyond the Basic Multilingual Plane (emoji and other 4-byte characters), and
 * angle brackets, since no field here takes markup. What passes is stored as typed and only ever
 * bound as a query parameter.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
  String message() default "Недопустимые символы: управляющие, невидимые, эмодзи или угловые скобки";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isPlain(value);
    }

    public static boolean isPlain(String value) {
      return value.codePoints().allMatch(PlainText.Validator::allowed);
    }

    static boolean allowed(int c) {
      if (c == '\n' || c == '\r' || c == '\t') {
        return true;
      }
      if (Character.isSupplementaryCodePoint(c) || c == '<' || c == '>') {
        return false;
      }
      int type = Character.getType(c);
      return type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE && type != Character.SURROGATE
          && type != Character.UNASSIGNED && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
  }
}
