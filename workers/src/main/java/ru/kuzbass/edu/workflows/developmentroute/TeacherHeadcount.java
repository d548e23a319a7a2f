package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * All teachers of a municipality in a year, as the region counts them: the denominator of the share
 * of teachers with a route. A re-import of the same municipality and year replaces the figure.
 */
public record TeacherHeadcount(
    @NotBlank(message = "Укажите код муниципалитета")
    @Pattern(regexp = TeacherHeadcount.MUNICIPALITY, message = "Код муниципалитета: до 16 латинских букв, цифр и дефисов") String municipalityCode,
    @NotNull(message = "Укажите год") @Min(value = 2000, message = "Год — от 2000 до 2100") @Max(value = 2100, message = "Год — от 2000 до 2100")
    Integer year,
    @NotNull(message = "Укажите число педагогов") @Min(value = 1, message = "Число педагогов — от 1 до " + TeacherHeadcount.MAX_TEACHERS)
    @Max(value = TeacherHeadcount.MAX_TEACHERS, message = "Число педагогов — от 1 до " + TeacherHeadcount.MAX_TEACHERS) Integer teachers) {

  static final String MUNICIPALITY = "^[0-9A-Za-z\\-]{1,16}$";
  /** An input check, not a rule: the region has about 30,000 teachers. */
  static final int MAX_TEACHERS = 100_000;
}
