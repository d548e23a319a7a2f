package ru.kuzbass.edu.workflows.youngteacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;
import ru.kuzbass.edu.workflows.youngteacher.YoungTeacherProperties.Rules;

/**
 * No figure that young-teacher support's configuration sets is typed into its forms or BPMN labels:
 * where a form speaks of one, it renders the variable the process set from configuration.
 */
class YoungTeacherTextFiguresTest extends ProcessTest {

  @Autowired YoungTeacherProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    Rules rules = properties.rules(2027);
    List<Pattern> figures = new ArrayList<>(List.of(
        ReadableTexts.number(rules.maxAge(), "(лет|год)"),
        ReadableTexts.number(rules.maxExperienceYears(), "(лет|год)"),
        ReadableTexts.spelled(rules.maxExperienceYears(), "(лет|год)"),
        ReadableTexts.number(rules.difficultyResponseDays(), "(дн|день|дня|дней)"),
        ReadableTexts.spelled(rules.difficultyResponseDays(), "(дн|день|дня|дней)"),
        ReadableTexts.number(rules.pilotMunicipalities().size(), "муниципал")));
    rules.checkIns().forEach(month -> figures.add(ReadableTexts.number(month, "(-й)?[\\s\\u00A0]*(мес|месяц)")));
    List<String> texts = ReadableTexts.of("young-teacher-support");
    assertThat(texts).isNotEmpty();
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    assertThat(form("young-teacher-difficulty")).contains("{{difficultyResponseDays}}");
    assertThat(form("young-teacher-check-in")).contains("{{checkInMonth}}", "{{checkInCount}}");
  }

  @Test
  void theCheckFindsAFigureTypedIn() {
    assertThat(ReadableTexts.number(5, "(дн|день|дня|дней)").matcher("в течение 5 дн.").find()).isTrue();
    assertThat(ReadableTexts.number(3, "(-й)?[\\s\\u00A0]*(мес|месяц)").matcher("3-й месяц сопровождения").find()).isTrue();
    assertThat(ReadableTexts.number(5, "(дн|день|дня|дней)").matcher("в течение  дн.").find()).isFalse();
  }

  private static String form(String id) throws Exception {
    return new ClassPathResource("forms/young-teacher-support/" + id + ".form").getContentAsString(StandardCharsets.UTF_8);
  }
}
