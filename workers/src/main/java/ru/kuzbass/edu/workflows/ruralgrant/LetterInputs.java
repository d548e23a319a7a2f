package ru.kuzbass.edu.workflows.ruralgrant;

import java.util.List;

/**
 * The process variables a decision letter may draw on. Which of them are set depends on the path
 * the case took; the rejection ground is read from the newest decision on that path.
 *
 * @param ineligibilityReasons the texts of the eligibility table's unmet conditions
 * @param vacancyPlaceTaken    after the commission approved: whether a place of the vacancy was left
 */
public record LetterInputs(
    Long caseId,
    List<String> ineligibilityReasons,
    String documentCheckOutcome,
    String documentRejectionReason,
    String commissionDecision,
    String commissionReason,
    Boolean vacancyPlaceTaken,
    String departureDate) {

  static final String NO_PLACE_LEFT = "все вакантные места по этой должности в этой школе заняты";

  /** The grounds of a rejection, in the applicant's language. */
  List<String> rejectionReasons() {
    if (Boolean.FALSE.equals(vacancyPlaceTaken)) {
      return List.of(NO_PLACE_LEFT);
    }
    if ("REJECT".equals(commissionDecision)) {
      return List.of("решение конкурсной комиссии: " + commissionReason);
    }
    if ("REJECT".equals(documentCheckOutcome)) {
      return List.of(documentRejectionReason);
    }
    if ("MORE_DOCUMENTS".equals(documentCheckOutcome)) {
      return List.of("дополнительные документы не представлены в установленный срок");
    }
    if (ineligibilityReasons != null && !ineligibilityReasons.isEmpty()) {
      return ineligibilityReasons;
    }
    throw new IllegalStateException("Case " + caseId + " reached the rejection letter without a rejection ground in its variables");
  }
}
