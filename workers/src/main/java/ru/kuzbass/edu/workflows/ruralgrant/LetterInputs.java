package ru.kuzbass.edu.workflows.ruralgrant;

import java.util.List;
import java.util.Map;

/**
 * The process variables a decision letter may draw on. Which of them are set depends on the path
 * the case took; the rejection ground is read from the newest decision on that path.
 */
public record LetterInputs(
    Long caseId,
    List<Map<String, Object>> ineligibilityReasons,
    String documentCheckOutcome,
    String documentRejectionReason,
    String commissionDecision,
    String commissionReason,
    String departureDate) {

  /** The grounds of a rejection, in the applicant's language. */
  List<String> rejectionReasons() {
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
      return ineligibilityReasons.stream().map(r -> String.valueOf(r.get("text"))).toList();
    }
    throw new IllegalStateException("Case " + caseId + " reached the rejection letter without a rejection ground in its variables");
  }
}
