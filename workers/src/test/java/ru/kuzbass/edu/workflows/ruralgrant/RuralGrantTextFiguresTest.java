package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantProperties.Campaign;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure of the «Земский учитель» campaign («1 000 000 ₽», «пяти лет», «10 дней», the window's
 * days) is typed into its forms or BPMN labels: each is rendered from a variable the process sets
 * from configuration, so a new year's act changes one place.
 */
class RuralGrantTextFiguresTest extends ProcessTest {

  private static final String DAYS = "(дн|день|дня|дней)";
  private static final String YEARS = "(лет|год)";

  @Autowired RuralGrantProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    Campaign campaign = properties.campaign(2027);
    List<Pattern> figures = List.of(
        ReadableTexts.amount(campaign.grantAmount()),
        ReadableTexts.amount(java.math.BigDecimal.valueOf(campaign.maxPopulation())),
        ReadableTexts.number(campaign.minWeeklyLoadHours(), "час"),
        ReadableTexts.number(campaign.obligationYears(), YEARS),
        ReadableTexts.spelled(campaign.obligationYears(), YEARS),
        ReadableTexts.number(properties.documentsWaitDays(), DAYS),
        ReadableTexts.spelled(properties.documentsWaitDays(), DAYS),
        ReadableTexts.dayOfYear(properties.defaults().windowStart()),
        ReadableTexts.dayOfYear(properties.defaults().windowEnd()));
    List<String> texts = ReadableTexts.of("rural-teacher-grant");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
  }

  @Test
  void theCheckFindsTheFiguresTheIssueNamed() {
    assertThat(ReadableTexts.amount(new java.math.BigDecimal("1000000")).matcher("Учесть выплату 1 000 000 ₽").find()).isTrue();
    assertThat(ReadableTexts.spelled(5, YEARS).matcher("Пятилетнее обязательство отработки").find()).isTrue();
    assertThat(ReadableTexts.spelled(5, YEARS).matcher("в течение пяти лет").find()).isTrue();
    assertThat(ReadableTexts.number(10, DAYS).matcher("Срок — 10 дней.").find()).isTrue();
    assertThat(ReadableTexts.dayOfYear("04-15").matcher("приём до 15 апреля").find()).isTrue();
    assertThat(ReadableTexts.amount(new java.math.BigDecimal("50000")).matcher("код 150000").find()).as("part of another number").isFalse();
  }
}
