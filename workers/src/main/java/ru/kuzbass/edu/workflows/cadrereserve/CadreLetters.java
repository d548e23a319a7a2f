package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ru.kuzbass.edu.workflows.letters.LetterContent;

/** The wording of the cadre-reserve letters: pure functions of what the case knows. */
final class CadreLetters {
  private CadreLetters() {}

  /** Signs the e-mails that carry the letters. */
  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories}. */
  static final String PROCESS = "cadre-reserve";
  /** The letters that end or narrow a candidate's way, and so state how to appeal. */
  private static final Set<CadreLetterKind> REFUSALS =
      EnumSet.of(CadreLetterKind.LEVEL1_REFUSAL, CadreLetterKind.COURSE_MISSED, CadreLetterKind.LEVEL2_RESULT);
  static final String PROGRAMME = "кадровый резерв руководителей образовательных организаций Кузбасса «КУЗБАСС. БУДУЩЕЕ.РФ»";

  /**
   * What a letter to a candidate says about them, already resolved to names and figures.
   *
   * @param salutation the greeting by name ({@link ru.kuzbass.edu.workflows.letters.Salutation})
   * @param basis      the act of the season's rules, printed as the letter's basis
   */
  record Addressee(String caseNumber, String fullName, String salutation, int season, BigDecimal composite, Integer rank,
      String basis) {}

  static LetterContent level1Refusal(Addressee a, LocalDate today, String reason, String token, String courseName) {
    List<String> body = new ArrayList<>();
    body.add("Благодарим Вас за участие в отборочном уровне конкурса на включение в " + PROGRAMME + " (сезон " + a.season() + ").");
    body.add(reason);
    body.add("Приглашаем Вас пройти курс повышения квалификации «" + courseName
        + "» (управленческие навыки, лидерство, командная работа). Запись — через муниципальный орган управления образованием.");
    body.add("Вы вправе участвовать в конкурсе " + (a.season() + 1) + " года сразу с обучающе-стажировочного уровня, без отбора. "
        + "Для этого укажите при регистрации код права прохода: " + token + ".");
    return letter(CadreLetterKind.LEVEL1_REFUSAL, a, today, body);
  }

  static LetterContent level1Pass(Addressee a, LocalDate today, String basis, int courseDays) {
    List<String> body = new ArrayList<>();
    body.add("Поздравляем! По итогам отборочного уровня конкурса на включение в " + PROGRAMME + " (сезон " + a.season()
        + ") Вы проходите на обучающе-стажировочный уровень.");
    body.add(basis);
    body.add("Следующий шаг — теоретический курс по управлению проектами продолжительностью " + courseDays + " дн. Участник, "
        + "пропустивший хотя бы один день курса, не продолжает участие. Даты курса и место проведения сообщит координатор.");
    return letter(CadreLetterKind.LEVEL1_PASS, a, today, body);
  }

  /** {@code authorShown}: the author agreed that the idea bank shows their name. */
  static LetterContent idea(Addressee a, LocalDate today, String ideaTitle, boolean authorShown, String communityName,
      String recommendation) {
    List<String> body = new ArrayList<>();
    // the bank's readers and columns as IdeaBank shows them: the letter promises no more
    body.add("Ваша проектная идея «" + ideaTitle + "» включена в банк проектных идей. Банк доступен специалистам кадровой службы "
        + "и экспертам кадрового резерва; в нём указаны название идеи и сезон"
        + (authorShown ? ", а также Ваше имя: Вы дали согласие на его указание." : ". Ваше имя в банке не указано: согласия на это Вы не давали."));
    body.add("Приглашаем Вас в региональное сообщество «" + communityName + "» — вне зависимости от результатов конкурсного отбора.");
    body.add("Рекомендации эксперта:");
    body.add(recommendation);
    return letter(CadreLetterKind.IDEA, a, today, body);
  }

  static LetterContent courseMissed(Addressee a, LocalDate today, int requiredDays, int attendedDays) {
    List<String> body = new ArrayList<>();
    body.add("Теоретический курс обучающе-стажировочного уровня (сезон " + a.season() + ") требует посещения всех "
        + requiredDays + " дней; по данным координатора Вы посетили " + attendedDays + ".");
    body.add("Поэтому Ваше участие в конкурсном отборе этого сезона завершено. Вы можете подать заявку в следующем сезоне.");
    return letter(CadreLetterKind.COURSE_MISSED, a, today, body);
  }

  static LetterContent level2Result(Addressee a, LocalDate today, int teamNumber, BigDecimal teamScore, String rule,
      String courseName, String municipality) {
    List<String> body = new ArrayList<>();
    body.add("По итогам защиты группового проекта команды № " + teamNumber + " на обучающе-стажировочном уровне (сезон "
        + a.season() + ") эксперты оценили проект в " + teamScore.toPlainString() + " балла; " + rule + ".");
    body.add("Рекомендации: развивать навыки управления проектами и командной работы, принять участие в работе "
        + "управленческой команды своей школы.");
    body.add("Вы рекомендованы для включения в кадровый резерв муниципального уровня. Рекомендация направлена в орган "
        + "управления образованием (" + municipality + "): в резерв включает его решение, о котором мы сообщим отдельным письмом.");
    body.add("Приглашаем Вас пройти курс повышения квалификации «" + courseName + "».");
    return letter(CadreLetterKind.LEVEL2_RESULT, a, today, body);
  }

  static LetterContent level2Pass(Addressee a, LocalDate today, int teamNumber, BigDecimal teamScore) {
    List<String> body = new ArrayList<>();
    body.add("Проект команды № " + teamNumber + " получил оценку экспертов " + teamScore.toPlainString()
        + " балла. Команда проходит на экспертно-проектный уровень (сезон " + a.season() + ").");
    body.add("Команда будет закреплена за проектной школой и разработает управленческий проект или изменения "
        + "программы развития школы. На защите эксперты оценят вклад каждого участника.");
    return letter(CadreLetterKind.LEVEL2_PASS, a, today, body);
  }

  static LetterContent level3Result(Addressee a, LocalDate today, boolean regional, BigDecimal score, BigDecimal threshold,
      List<String> training) {
    List<String> body = new ArrayList<>();
    body.add("По итогам защиты проекта на экспертно-проектном уровне (сезон " + a.season() + ") эксперты оценили Ваш "
        + "личный вклад в " + score.toPlainString() + " балла (порог регионального резерва — " + threshold.toPlainString() + ").");
    body.add(regional
        ? "Вы включены в РЕГИОНАЛЬНЫЙ кадровый резерв руководителей образовательных организаций Кузбасса."
        : "Вы включены в МУНИЦИПАЛЬНЫЙ кадровый резерв руководителей образовательных организаций.");
    body.add(training(training));
    body.add("Поздравляем и желаем успехов в управленческой работе!");
    return letter(CadreLetterKind.LEVEL3_RESULT, a, today, body, !regional);
  }

  /** The municipality's decision on the recommendation after level 2; {@code declineReason} is null when it confirmed. */
  static LetterContent municipalDecision(Addressee a, LocalDate today, String municipality, String declineReason, List<String> training) {
    List<String> body = new ArrayList<>();
    if (declineReason == null) {
      body.add("По рекомендации по итогам обучающе-стажировочного уровня (сезон " + a.season() + ") орган управления образованием ("
          + municipality + ") подтвердил Ваше включение в МУНИЦИПАЛЬНЫЙ кадровый резерв руководителей образовательных организаций.");
      body.add(training(training));
      body.add("Поздравляем и желаем успехов в управленческой работе!");
    } else {
      body.add("Орган управления образованием (" + municipality + ") не подтвердил Ваше включение в кадровый резерв муниципального "
          + "уровня, рекомендованное по итогам обучающе-стажировочного уровня (сезон " + a.season() + ").");
      body.add("Причина: " + declineReason);
      body.add("Вы можете подать заявку на участие в конкурсе следующего сезона.");
    }
    return letter(CadreLetterKind.MUNICIPAL_DECISION, a, today, body);
  }

  private static String training(List<String> training) {
    return "Резервистам предлагаются: " + String.join("; ", training) + ". Выполнение индивидуального плана отмечается в реестре "
        + "кадрового резерва.";
  }

  static LetterContent projectCover(String teamKey, int season, String schoolName, String projectTitle, List<String> members,
      String basis, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("Направляем управленческий проект «" + projectTitle + "», разработанный для Вашей школы командой резервистов "
        + teamKey + " на экспертно-проектном уровне конкурса «КУЗБАСС. БУДУЩЕЕ.РФ» (сезон " + season + ").");
    body.add("Состав команды: " + String.join(", ", members) + ".");
    body.add("Проект прошёл защиту перед экспертами и передаётся Вам как инструмент изменений: просим рассмотреть его "
        + "при обновлении программы развития школы. Текст проекта приложен к письму.");
    return new LetterContent(PROCESS, CadreLetterKind.PROJECT_COVER.title(), CadreLetterKind.PROJECT_COVER.number(teamKey), today,
        List.of("Руководителю " + schoolName), null, body, basis, false);
  }

  private static LetterContent letter(CadreLetterKind kind, Addressee a, LocalDate today, List<String> body) {
    return letter(kind, a, today, body, REFUSALS.contains(kind));
  }

  private static LetterContent letter(CadreLetterKind kind, Addressee a, LocalDate today, List<String> body, boolean appealable) {
    return new LetterContent(PROCESS, kind.title(), kind.number(a.caseNumber()), today, List.of("Кому: " + a.fullName()), a.salutation(),
        body, a.basis(), appealable);
  }
}
