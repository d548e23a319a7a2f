package ru.kuzbass.edu.workflows.ruralgrant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a case is now, as the applicant reads it: the stage follows the element the case's process
 * instance waits in, and, once it has ended, the case's last recorded status. {@code %s} in a text
 * takes the stage's date.
 */
public enum CaseStage {
  ELIGIBILITY_CHECK("Заявление принято, проверяется соответствие условиям программы",
      "Task_LoadEligibilityFacts", "Task_CheckEligibility"),
  // while the request's e-mail is being sent, its deadline is not set yet
  DOCUMENTS_UNDER_REVIEW("Документы на проверке в отделе кадров", "Task_CheckDocuments", "Task_RequestDocuments"),
  DOCUMENTS_REQUESTED("Запрошены дополнительные документы, ожидаются до %s включительно", "Task_AwaitDocuments"),
  AT_COMMISSION("Заявление на рассмотрении конкурсной комиссии", "Task_DecideByCommission", "Task_TakeVacancyPlace"),
  AWAITING_CONTRACT("Комиссия решила предоставить выплату, ожидается заключение договора",
      "Task_SendApprovalLetter", "Task_RecordContract"),
  PAYMENT("Договор зарегистрирован, выплата производится", "Task_RecordGrantPayment", "Task_SendPaymentLetter"),
  IN_OBLIGATION("Идёт срок работы по договору, до %s",
      "Task_ScheduleConfirmation", "Event_ConfirmationDue", "Task_ConfirmEmployment"),
  REFUND_DUE("Направлено требование о возврате выплаты, возврат ожидается", "Task_DemandRefund", "Task_SendRefundDemandLetter"),
  REJECTED("Отказано в предоставлении выплаты, дело закрыто", "Task_SendRejectionLetter"),
  COMPLETED("Обязательство исполнено, дело закрыто", "Task_SendCompletionLetter"),
  CLOSED("Дело закрыто");

  private final String text;
  private final List<String> elements;

  CaseStage(String text, String... elements) {
    this.text = text;
    this.elements = List.of(elements);
  }

  /** The text, with the stage's date where it names one. */
  public String text(String date) {
    return text.formatted(date);
  }

  /** The stage of a running case, by the elements its instance is active in. */
  static Optional<CaseStage> at(Collection<String> activeElements) {
    for (CaseStage stage : values()) {
      if (activeElements.stream().anyMatch(stage.elements::contains)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }

  /** The stage of a case whose instance has ended, by its last recorded status. */
  static CaseStage ended(CaseStatus last) {
    return switch (last) {
      case REJECTED -> REJECTED;
      case COMPLETED -> COMPLETED;
      case REFUND_DEMANDED -> REFUND_DUE;
      default -> CLOSED;
    };
  }
}
