package ru.kuzbass.edu.workflows.pedagogicalclass;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ru.kuzbass.edu.workflows.platform.PlainText;

/** One school to open a class in, for academic year Y/Y+1. */
public record OpeningRequest(
    @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
    @NotBlank(message = "Укажите муниципалитет") @Size(max = 200, message = "Не более 200 символов") @PlainText String municipality,
    @NotBlank(message = "Укажите электронную почту школы") @Email(message = "Адрес электронной почты указан неверно") @Size(max = 254) String schoolEmail,
    @NotNull(message = "Укажите учебный год") @Min(value = 2020, message = "Учебный год указан неверно") @Max(value = 2100, message = "Учебный год указан неверно")
    Integer academicYear) {}
