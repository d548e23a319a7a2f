package ru.kuzbass.edu.workflows.cadrereserve;

/**
 * Where a candidate's case is ({@code cadre_candidate.status}), in the words the candidate reads.
 * {@code %1$s} is the candidate's municipality, {@code %2$s} the municipality's reason for a refusal.
 */
enum CandidateStage {
  REGISTERED("Отборочный уровень: пройдите тестирование и загрузите проектную идею до окончания регистрации"),
  LEVEL1_FAILED("Отборочный уровень не пройден. Вам предложен курс повышения квалификации; в конкурсе следующего сезона "
      + "Вы вправе участвовать сразу с обучающе-стажировочного уровня"),
  LEVEL2("Обучающе-стажировочный уровень: теоретический курс, практика в школе-стажировочной площадке и защита группового проекта"),
  COURSE_MISSED("Участие завершено: теоретический курс обучающе-стажировочного уровня не пройден"),
  LEVEL3("Экспертно-проектный уровень: команда разрабатывает управленческий проект для проектной школы и защищает его"),
  MUNICIPAL_RECOMMENDED("Вы рекомендованы для включения в кадровый резерв муниципального уровня; ожидается решение органа "
      + "управления образованием (%1$s)"),
  MUNICIPAL_DECLINED("Орган управления образованием (%1$s) не подтвердил включение в муниципальный кадровый резерв. Причина: %2$s"),
  MUNICIPAL_RESERVE("Вы включены в муниципальный кадровый резерв руководителей образовательных организаций"),
  REGIONAL_RESERVE("Вы включены в региональный кадровый резерв руководителей образовательных организаций Кузбасса");

  private final String text;

  CandidateStage(String text) {
    this.text = text;
  }

  String text(String municipality, String declineReason) {
    return text.formatted(municipality, declineReason);
  }
}
