package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No figure that the route's rules configure is typed into the forms or BPMN labels of
 * {@code development-route}: the pace's range is rendered from variables the start sets from
 * configuration ({@code {{paceMinMonths}}}, {@code {{paceMaxMonths}}}); the monitoring's interval
 * (a quarter by default) and the share of overdue items that puts a route behind are not written
 * out at all, and the monitoring's counts come from variables ({@code {{itemsOverdue}}}).
 */
class DevelopmentRouteTextFiguresTest extends ProcessTest {

  @Autowired DevelopmentRouteProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredFigure() throws Exception {
    int min = properties.paceMinMonths(2027);
    int max = properties.paceMaxMonths(2027);
    List<Pattern> figures = List.of(
        ReadableTexts.number(min, "(мес|до)"), ReadableTexts.spelled(min, "месяц"), ReadableTexts.number(max, "мес"),
        ReadableTexts.number(max / 12, "(лет|год|-х)"), ReadableTexts.spelled(max / 12, "(лет|год)"),
        ReadableTexts.number(properties.eventsPerCompetence(2027), "мероприят"),
        ReadableTexts.number(properties.deficitBelow(2027).intValue(), "балл"),
        Pattern.compile("(?<!\\d)" + properties.deficitBelow(2027).intValue() + "(?!\\d)"),
        ReadableTexts.number(properties.monitoringIntervalMonths(2027), "мес"),
        ReadableTexts.spelled(properties.monitoringIntervalMonths(2027), "месяц"),
        Pattern.compile("(?iu)квартал|ежекварт"),
        ReadableTexts.number(properties.behindShare(2027).movePointRight(2).intValue(), "(%|процент)"),
        Pattern.compile(properties.behindShare(2027).stripTrailingZeros().toPlainString().replace(".", "[.,]")),
        Pattern.compile("(?iu)четверт"));
    List<String> texts = ReadableTexts.of(DevelopmentRoutes.PROCESS_ID);
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    assertThat(texts).as("the form renders the range from its placeholders").anyMatch(t -> t.contains("от  до  месяцев"));
    assertThat(figures.get(2).matcher("Темп — до 36 месяцев").find()).as("the check finds a pace typed in").isTrue();
    assertThat(figures.get(3).matcher("от 6 месяцев до 3-х лет").find()).isTrue();
    assertThat(texts).as("the monitoring's form renders its counts from variables").anyMatch(t -> t.contains("просрочено (срок прошёл, не пройдено) — ."));
    assertThat(figures.get(10).matcher("Мониторинг раз в квартал").find()).as("the check finds the interval written out").isTrue();
    assertThat(figures.get(11).matcher("более 25 % пунктов").find()).isTrue();
    assertThat(figures.get(9).matcher("каждые три месяца").find()).isTrue();
  }
}
