package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Rules;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure of a cadre-reserve season (the course's days, the pass share, team size, experts per
 * team, the years of school results, the closing day of registration) is typed into the reserve's
 * forms or BPMN labels («трёхдневный курс» was, in a letter): each comes from the season's rules.
 * The 0–10 scale of an expert's score is the forms' own and not configuration.
 */
class CadreTextFiguresTest extends ProcessTest {

  @Autowired CadreReserveProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    Rules season = properties.rules(2027);
    List<Pattern> figures = List.of(
        ReadableTexts.number(season.courseDays(), "(дн|день|дня|дней)"),
        ReadableTexts.spelled(season.courseDays(), "дн"),
        ReadableTexts.number(season.passShare().movePointRight(2).stripTrailingZeros().intValueExact(), "%"),
        ReadableTexts.number(season.teamSize(), "(человек|участник|чел\\.)"),
        ReadableTexts.number(season.expertsPerTeam(), "эксперт"),
        ReadableTexts.number(season.resultYears(), "(лет|год)"),
        ReadableTexts.spelled(season.resultYears(), "(лет|год)"),
        ReadableTexts.dayOfYear(season.registrationCloses()));
    List<String> texts = ReadableTexts.of("cadre-reserve");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    assertThat(ReadableTexts.spelled(3, "дн").matcher("трёхдневный теоретический курс").find()).as("the check finds a spelled count").isTrue();
  }
}
