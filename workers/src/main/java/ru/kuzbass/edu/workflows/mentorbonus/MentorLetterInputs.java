package ru.kuzbass.edu.workflows.mentorbonus;

import java.util.List;
import java.util.Map;

/** The process variables a mentor-bonus letter may draw on. */
public record MentorLetterInputs(
    Long caseId,
    List<Map<String, Object>> ineligibilityReasons,
    String schoolHeadDecision,
    String schoolHeadComment,
    String budgetDecision,
    String budgetComment,
    String budgetOutcome) {

  /**
   * The ground of a rejection. The decisions are read newest first: a later step can only be
   * reached when the earlier ones let the case through, and a re-check after a correction
   * overwrites the eligibility result.
   */
  List<String> rejectionReasons() {
    if ("EXPIRED".equals(budgetOutcome)) {
      return List.of("средства на доплату не выделены до окончания срока наставничества");
    }
    if ("REJECT".equals(budgetDecision)) {
      return List.of("отказ при согласовании бюджета: " + budgetComment);
    }
    if ("REJECT".equals(schoolHeadDecision)) {
      return List.of("отказ руководителя школы: " + schoolHeadComment);
    }
    if (ineligibilityReasons != null && !ineligibilityReasons.isEmpty()) {
      return ineligibilityReasons.stream().map(r -> String.valueOf(r.get("text"))).toList();
    }
    if ("RETURN".equals(schoolHeadDecision) || "RETURN".equals(budgetDecision)) {
      return List.of("заявка не исправлена в установленный срок");
    }
    throw new IllegalStateException("Nomination " + caseId + " reached the rejection letter without a rejection ground");
  }
}
