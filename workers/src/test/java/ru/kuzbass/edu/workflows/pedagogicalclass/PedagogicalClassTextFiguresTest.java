package ru.kuzbass.edu.workflows.pedagogicalclass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.pedagogicalclass.OpeningCalendarProperties.Calendar;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.ReadableTexts;

/**
 * No date or count that the opening calendar configures is typed into the forms or BPMN labels of
 * the opening («до 1 июня» was): each is rendered from a variable the process sets from the calendar.
 */
class PedagogicalClassTextFiguresTest extends ProcessTest {

  @Autowired OpeningCalendarProperties properties;

  @Test
  void formsAndLabelsTypeInNoConfiguredDateOrCount() throws Exception {
    Calendar year = properties.calendar(2027);
    List<String> days = new ArrayList<>(List.of(year.studyDue(), year.decisionDue(), year.admissionDue(), year.councilDay()));
    days.addAll(year.termReportDays());
    List<Pattern> figures = new ArrayList<>();
    days.forEach(d -> figures.add(ReadableTexts.dayOfYear(d)));
    figures.add(Pattern.compile("(?<!\\d)" + year.minEnrolment() + "[\\s\\u00A0]*(учени|обучающ|человек|чел\\.)"));
    figures.add(Pattern.compile("(?<!\\d)" + properties.reminderDays() + "[\\s\\u00A0]*(дн|день|дня|дней)"));
    List<String> texts = ReadableTexts.of("pedagogical-class-opening");
    for (Pattern figure : figures) {
      assertThat(texts).as(figure.pattern()).noneMatch(t -> figure.matcher(t).find());
    }
    assertThat(figures.getFirst().matcher("Срок — 30 апреля").find()).as("the check finds a date typed in").isTrue();
  }
}
