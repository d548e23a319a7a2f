package ru.kuzbass.edu.workflows.olympiadaward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure that the olympiad award's configuration or decision table sets is typed into its forms or
 * BPMN labels: each is a {@code {{variable}}} the process sets, so a year's act changes one place.
 */
class OlympiadAwardTextFiguresTest extends ProcessTest {

  @Autowired OlympiadAwardProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    List<Pattern> figures = new ArrayList<>();
    figures.add(ReadableTexts.number(properties.rules(2027).claimPeriodDays(), "(дн|день|дня|дней)"));
    for (OlympiadPlace place : OlympiadPlace.values()) {
      Object amount = operaton.engine().getDecisionService().evaluateDecisionTableByKey("olympiad-coach-award-amount",
          Map.of("campaignYear", 2027, "place", place.name())).getSingleResult().getSingleEntry();
      figures.add(ReadableTexts.amount(new BigDecimal(amount.toString())));
    }
    List<String> texts = ReadableTexts.of("olympiad-coach-award");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    // where a form speaks of the figure, it renders the process's variable
    assertThat(new ClassPathResource("forms/olympiad-coach-award/olympiad-coach-award-confirmation.form").getContentAsString(StandardCharsets.UTF_8))
        .contains("{{claimPeriodDays}}", "{{awardAmountText}}", "{{sharesText}}");
    assertThat(new ClassPathResource("forms/olympiad-coach-award/olympiad-coach-award-list-approval.form").getContentAsString(StandardCharsets.UTF_8))
        .contains("{{totalAmountText}}", "{{awardCount}}");
  }

  @Test
  void theCheckFindsAFigureTypedIn() {
    assertThat(ReadableTexts.amount(new BigDecimal("100000")).matcher("Поощрение победителю — 100 000 ₽").find()).isTrue();
    assertThat(ReadableTexts.number(30, "(дн|день|дня|дней)").matcher("срок подачи — 30 дней").find()).isTrue();
  }
}
