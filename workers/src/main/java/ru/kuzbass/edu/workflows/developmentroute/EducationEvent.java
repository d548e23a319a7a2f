package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.PlausibleDate;

/**
 * An event of the bank, as imported and as found. {@code endsOn} may be left out only for an
 * informal event; no {@code capacity} means unlimited places; {@code enrolled} left out keeps the
 * places already taken (none for a new event).
 */
public record EducationEvent(
    @NotBlank(message = "Укажите код мероприятия")
    @Pattern(regexp = EducationEvent.CODE, message = "Код мероприятия: до 64 букв, цифр, точек, дефисов, подчёркиваний и косых черт")
    String code,
    @NotBlank(message = "Укажите название") @Size(max = 300, message = "Название: не более 300 символов") @PlainText String title,
    @NotNull(message = "Укажите компетенцию: " + Competence.NAMES) Competence competence,
    @NotNull(message = "Укажите вид: " + EventKind.NAMES) EventKind kind,
    @Size(max = 100, message = "Форма: не более 100 символов") @PlainText String format,
    @NotBlank(message = "Укажите организатора") @Size(max = 300, message = "Организатор: не более 300 символов") @PlainText String provider,
    @NotNull(message = "Укажите дату начала") @PlausibleDate LocalDate startsOn,
    @PlausibleDate LocalDate endsOn,
    @NotNull(message = "Укажите число часов")
    @Min(value = 0, message = "Число часов — от 0 до " + EducationEvent.MAX_HOURS)
    @Max(value = EducationEvent.MAX_HOURS, message = "Число часов — от 0 до " + EducationEvent.MAX_HOURS)
    Integer hours,
    @Min(value = 1, message = "Число мест — от 1 до " + EducationEvent.MAX_CAPACITY + "; без ограничения — не указывайте")
    @Max(value = EducationEvent.MAX_CAPACITY, message = "Число мест — от 1 до " + EducationEvent.MAX_CAPACITY + "; без ограничения — не указывайте")
    Integer capacity,
    @Min(value = 0, message = "Число записавшихся — от 0 до числа мест")
    @Max(value = EducationEvent.MAX_CAPACITY, message = "Число записавшихся — от 0 до числа мест") Integer enrolled,
    @Pattern(regexp = "^[0-9A-Za-z\\-]{1,16}$", message = "Код муниципалитета: до 16 латинских букв, цифр и дефисов; для региональных — не указывайте")
    String municipalityCode) {

  static final String CODE = "^[0-9A-Za-zА-Яа-яЁё._/\\-]{1,64}$";
  /**
   * An input check, not a rule: it catches typing errors. A retraining programme (ПП) runs at least
   * 250 hours (order of the Ministry of Education and Science of 1 July 2013 № 499), usually some
   * hundreds; none that a teacher takes alongside work comes near 2 000.
   */
  static final int MAX_HOURS = 2000;
  static final int MAX_CAPACITY = 100_000;
}
