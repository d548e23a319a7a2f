package ru.kuzbass.edu.workflows.mentorbonus;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import ru.kuzbass.edu.workflows.letters.RussianFormat;

/**
 * Where a running nomination is, as the school reads it: named by the model's elements that hold the
 * case, so the status follows the engine rather than a coarse stored status. Where the next step has
 * a date, {@code dueVariable} names the process variable that holds it and {@code duePhrase} how the
 * school reads it.
 */
public enum NominationStage {
  ELIGIBILITY_CHECK("Проверка документов и требований к наставнику и наставляемым", null, null,
      "StartEvent_NominationReceived", "Task_RegisterNomination", "Task_LoadEligibilityFacts", "Task_CheckEligibility", "Task_ApplyCorrection"),
  AT_SCHOOL_HEAD("На согласовании у руководителя школы", null, null, "Task_ApproveBySchoolHead", "Task_RecordSchoolHeadApproval"),
  AT_BUDGET_HOLDER("На согласовании у распорядителя бюджетных средств", null, null,
      "Task_ApproveByBudgetOfficer", "Task_RecordBudgetApproval", "Task_ReserveBudget"),
  RETURNED_FOR_CORRECTION("Возвращена школе на доработку", "correctionDueAt", "исправить до", "Task_CorrectNomination"),
  WAITING_FOR_BUDGET("В листе ожидания: средств пока недостаточно", "budgetRetryAt", "следующая проверка средств", "Task_NotifyWaitingList",
      "Event_BudgetRetry"),
  ORDER_BEING_ISSUED("Согласована, издаётся приказ об установлении доплаты", null, null, "Task_SendOrder"),
  BEING_PAID("Приказ издан, доплата начисляется ежемесячно", "accrualDueAt", "следующее начисление", "SubProcess_Mentoring",
      "Task_ScheduleAccrual", "Event_MonthEnd", "Task_AccrueMonth"),
  REPORT_DUE("Наставничество завершено, ожидается итоговый отчёт наставника", null, null, "Task_ReleaseReservation", "Task_SubmitFinalReport"),
  REPORT_AT_SCHOOL_HEAD("Итоговый отчёт на подтверждении у руководителя школы", null, null, "Task_ConfirmFinalReport"),
  CLOSED("Закрыта, свидетельство «Почётный наставник» направлено", null, null, "Task_SendCertificate"),
  REJECTED("Отказано, уведомление направлено школе", null, null, "Task_SendRejectionLetter");

  private final String russian;
  private final String dueVariable;
  private final String duePhrase;
  private final List<String> elements;

  NominationStage(String russian, String dueVariable, String duePhrase, String... elements) {
    this.russian = russian;
    this.dueVariable = dueVariable;
    this.duePhrase = duePhrase;
    this.elements = List.of(elements);
  }

  String dueVariable() {
    return dueVariable;
  }

  /** The stage as the school reads it, with the date of the next step when there is one. */
  String text(OffsetDateTime dueAt) {
    return dueAt == null ? russian : russian + "; " + duePhrase + " " + RussianFormat.date(dueAt.toLocalDate()).replace(RussianFormat.NBSP, ' ');
  }

  /**
   * The stage of the elements the instance is at: its activities, and the steps whose asynchronous
   * job has not run yet (the engine shows those as transitions, not activities).
   */
  static Optional<NominationStage> at(ActivityInstance tree) {
    return elements(tree)
        .flatMap(element -> Arrays.stream(values()).filter(s -> s.elements.contains(element)))
        .findFirst();
  }

  private static Stream<String> elements(ActivityInstance node) {
    return Stream.concat(
        Stream.concat(Stream.of(node.getActivityId()), Arrays.stream(node.getChildTransitionInstances()).map(TransitionInstance::getActivityId)),
        Arrays.stream(node.getChildActivityInstances()).flatMap(NominationStage::elements));
  }

  /** The stage a stored status stands for, when the engine holds the case nowhere (ended, or between two steps). */
  static NominationStage of(NominationStatus status) {
    return switch (status) {
      case SUBMITTED -> ELIGIBILITY_CHECK;
      case IN_APPROVAL -> AT_SCHOOL_HEAD;
      case RETURNED -> RETURNED_FOR_CORRECTION;
      case WAITING_FOR_BUDGET -> WAITING_FOR_BUDGET;
      case ACTIVE -> BEING_PAID;
      case ENDED -> REPORT_DUE;
      case CLOSED -> CLOSED;
      case REJECTED -> REJECTED;
    };
  }
}
