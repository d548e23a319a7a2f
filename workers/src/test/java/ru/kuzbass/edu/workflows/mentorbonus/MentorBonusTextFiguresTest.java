package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import ru.kuzbass.edu.workflows.mentorbonus.MentoringProperties.Rules;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure that the mentor bonus's configuration sets is typed into its forms or BPMN labels: each is
 * a {@code {{variable}}} the process sets from configuration, so a year's act changes one place.
 */
class MentorBonusTextFiguresTest extends ProcessTest {

  @Autowired MentoringProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    Rules rules = properties.rules(2027);
    List<Pattern> figures = List.of(
        ReadableTexts.number(properties.correctionWaitDays(), "(дн|день|дня|дней)"),
        ReadableTexts.amount(rules.monthlyAmount()),
        ReadableTexts.number(rules.maxPlanMonths(), "мес"),
        ReadableTexts.number(rules.minMentorExperienceYears(), "(лет|год)"),
        ReadableTexts.number(rules.menteeAgeLimit(), "(лет|год)"),
        ReadableTexts.number(rules.menteeMaxExperienceYears(), "(лет|год)"),
        ReadableTexts.number(rules.maxMenteesPerMentor(), "наставляем"));
    List<String> texts = ReadableTexts.of("mentor-bonus");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    // where a form speaks of the figure, it renders the process's variable
    for (String form : List.of("mentor-bonus-school-head-approval", "mentor-bonus-budget-approval")) {
      assertThat(new ClassPathResource("forms/mentor-bonus/" + form + ".form").getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
          .as(form).contains("{{correctionWaitDays}}", "{{monthlyAmount}}");
    }
  }

  @Test
  void theCheckFindsAFigureTypedIn() {
    assertThat(ReadableTexts.number(10, "(дн|день|дня|дней)").matcher("Вернуть на доработку (срок — 10 дней)").find()).isTrue();
    assertThat(ReadableTexts.number(10, "(дн|день|дня|дней)").matcher("в течение  дн.").find()).isFalse();
  }
}
