package ru.kuzbass.edu.workflows.rurallivingcosts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.ruralgrant.SettlementType;

/** A settlement of the register, as staff import it; the application names the residence by its code. */
public record Settlement(
    @NotBlank(message = "Укажите код населённого пункта") @Pattern(regexp = CODE, message = "Код населённого пункта: до 32 латинских букв, цифр и дефисов") String code,
    @NotBlank(message = "Укажите название населённого пункта") @Size(max = 200, message = "Не более 200 символов") @PlainText String name,
    @NotBlank(message = "Укажите код муниципального образования") @Size(max = 16, message = "Не более 16 символов") String municipalityCode,
    @NotNull(message = "Укажите тип населённого пункта") SettlementType type,
    @NotNull(message = "Укажите численность населения") @Min(value = 0, message = "Численность не может быть отрицательной")
    @Max(value = 20_000_000, message = "Численность не больше 20 000 000") Integer population) {

  static final String CODE = "^[0-9A-Za-z\\-]{1,32}$";
}
