package ru.kuzbass.edu.workflows.rurallivingcosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.rurallivingcosts.RuralLivingCostsProperties.Rules;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure of the living-cost rules (the population bound of a small settlement, the claim age
 * limit, the re-confirmation interval, a cap, the correction time) is typed into the forms or BPMN labels: the letters
 * format them from configuration, so a new year's act changes one place.
 */
class RuralLivingCostsTextFiguresTest extends ProcessTest {

  private static final String MONTHS = "(мес|месяц)";

  @Autowired RuralLivingCostsProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    List<Pattern> figures = new ArrayList<>(List.of(ReadableTexts.number(properties.correctionWaitDays(), "(дн|день|дня|дней)")));
    for (int year : List.of(2027, 2028)) {
      Rules rules = properties.rules(year);
      figures.add(ReadableTexts.amount(BigDecimal.valueOf(rules.maxPopulation())));
      figures.add(ReadableTexts.number(rules.claimAgeLimitMonths(), MONTHS));
      figures.add(ReadableTexts.spelled(rules.claimAgeLimitMonths(), MONTHS));
      figures.add(ReadableTexts.number(rules.reconfirmationIntervalMonths(), MONTHS));
      rules.caps().values().forEach(cap -> figures.add(ReadableTexts.amount(cap)));
    }
    List<String> texts = ReadableTexts.of("rural-living-costs");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
  }

  @Test
  void theCheckFindsTheFiguresItLooksFor() {
    assertThat(ReadableTexts.number(6, MONTHS).matcher("не позднее 6 месяцев").find()).isTrue();
    assertThat(ReadableTexts.spelled(6, MONTHS).matcher("в течение шести месяцев").find()).isTrue();
    assertThat(ReadableTexts.amount(new BigDecimal("50000")).matcher("до 50 000 жителей").find()).isTrue();
    assertThat(ReadableTexts.amount(new BigDecimal("2500")).matcher("не более 2 500 ₽").find()).isTrue();
  }
}
