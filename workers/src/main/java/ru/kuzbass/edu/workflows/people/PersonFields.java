package ru.kuzbass.edu.workflows.people;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The checks of a person's name and contacts that every intake repeats (an applicant, a candidate,
 * a mentor, a teacher in an import), composed once so that the rules and their Russian messages
 * cannot drift apart between processes. Each part reports its own message.
 */
public final class PersonFields {

  /** A phone number as people write it: digits with spaces, brackets or hyphens, an optional «+». */
  private static final String PHONE_PATTERN = "^\\+?[0-9][0-9 ()\\-]{9,19}$";

  private PersonFields() {}

  @NotBlank(message = "Укажите фамилию")
  @Pattern(regexp = PersonNames.PATTERN, message = "Фамилия может содержать только буквы, пробел, дефис и апостроф")
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  public @interface Surname {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  @NotBlank(message = "Укажите имя")
  @Pattern(regexp = PersonNames.PATTERN, message = "Имя может содержать только буквы, пробел, дефис и апостроф")
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  public @interface GivenName {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Optional: many people have none. */
  @Pattern(regexp = PersonNames.PATTERN, message = "Отчество может содержать только буквы, пробел, дефис и апостроф")
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  public @interface Patronymic {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  @NotBlank(message = "Укажите адрес электронной почты")
  @Email(message = "Адрес электронной почты указан неверно")
  @Size(max = 254, message = "Адрес электронной почты — не более 254 символов")
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  public @interface ContactEmail {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  @NotBlank(message = "Укажите телефон")
  @Pattern(regexp = PHONE_PATTERN, message = "Телефон указан неверно")
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  public @interface ContactPhone {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }
}
