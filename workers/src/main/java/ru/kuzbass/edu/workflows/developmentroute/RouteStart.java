package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What starts a route: the teacher (a person with diagnosis results of {@code year}), the school,
 * and where the route comes from. {@code origin} left out is {@link RouteOrigin#SELF}; a route that
 * another process starts names that process's case in {@code originCase}.
 */
public record RouteStart(
    @NotNull(message = "Укажите педагога (personId)") Long personId,
    @NotNull(message = "Укажите год диагностики") @Min(value = 2000, message = "Год диагностики — от 2000 до 2100")
    @Max(value = 2100, message = "Год диагностики — от 2000 до 2100") Integer year,
    @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
    RouteOrigin origin,
    @Pattern(regexp = "^[0-9A-Za-zА-Яа-яЁё\\-]{1,32}$", message = "Номер дела-основания: до 32 букв, цифр и дефисов") String originCase) {

  public RouteOrigin originOrSelf() {
    return origin == null ? RouteOrigin.SELF : origin;
  }
}
