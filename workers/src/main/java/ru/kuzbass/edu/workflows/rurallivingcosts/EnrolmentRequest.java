package ru.kuzbass.edu.workflows.rurallivingcosts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.ruralgrant.ApplicationRequest;

/**
 * The body of {@code POST /api/rural-living-costs/enrolments}, sent by the teacher or by the school
 * for the teacher. The school and the settlement of residence are codes: the school directory and
 * the settlement register, not the applicant, say what kind of place they are.
 */
public record EnrolmentRequest(
    @NotNull(message = "Укажите сведения о педагоге") @Valid ApplicationRequest.Applicant applicant,
    @NotNull(message = "Укажите школу") @Valid ApplicationRequest.School school,
    @NotNull(message = "Укажите место жительства") @Valid Residence residence,
    @NotBlank(message = "Укажите должность") @Size(max = 200, message = "Не более 200 символов") @PlainText String position,
    @NotEmpty(message = "Укажите хотя бы один вид расходов: HOUSING, HEATING, ELECTRICITY")
    @Size(max = 3, message = "Не более трёх видов расходов") List<@NotNull(message = "Укажите вид расходов") CostKind> costKinds,
    @NotNull(message = "Нужно согласие на обработку персональных данных")
    @AssertTrue(message = "Нужно согласие на обработку персональных данных") Boolean personalDataConsent) {

  /** The settlement the teacher lives in, by its code in the settlement register. */
  public record Residence(
      @NotBlank(message = "Укажите код населённого пункта") @Pattern(regexp = Settlement.CODE, message = "Код населённого пункта: до 32 латинских букв, цифр и дефисов")
      String settlementCode) {}
}
