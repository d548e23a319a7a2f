package ru.kuzbass.edu.workflows.youngteacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the adaptation questionnaire or of a check-in: five scales from 1 (very hard) to 5
 * (no difficulty) and the wish to stay in the profession. The free text is not part of it: it goes
 * straight to the database.
 */
record Answers(int workload, int discipline, int parents, int documentation, int methodicalHelp, String stayIntention) {

  static final List<String> STAY_ANSWERS = List.of("STAY", "UNSURE", "LEAVING");

  /** The areas as the methodist's form names them. */
  static final Map<String, String> AREA_NAMES = Map.of(
      "WORKLOAD", "учебная нагрузка",
      "DISCIPLINE", "дисциплина на уроках",
      "PARENTS", "отношения с родителями",
      "DOCUMENTATION", "ведение документации",
      "METHODICAL_HELP", "не хватает методической помощи",
      "STAY", "думает об уходе из профессии");

  /** The scales by their area code, in the form's order. */
  Map<String, Integer> scales() {
    Map<String, Integer> scales = new LinkedHashMap<>();
    scales.put("WORKLOAD", workload);
    scales.put("DISCIPLINE", discipline);
    scales.put("PARENTS", parents);
    scales.put("DOCUMENTATION", documentation);
    scales.put("METHODICAL_HELP", methodicalHelp);
    return scales;
  }

  /** The areas whose answer signals a difficulty under the rules; empty when none does. */
  List<String> difficultAreas(YoungTeacherProperties.Rules rules) {
    List<String> areas = new ArrayList<>();
    scales().forEach((area, value) -> {
      if (value <= rules.difficultyScaleAtOrBelow()) {
        areas.add(area);
      }
    });
    if (rules.difficultyStayAnswers().contains(stayIntention)) {
      areas.add("STAY");
    }
    return areas;
  }
}
