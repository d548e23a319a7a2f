package ru.kuzbass.edu.workflows.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.kuzbass.edu.workflows.audit.CaseSubjects.Subject;
import ru.kuzbass.edu.workflows.people.PersonalDataShapes;

/**
 * Masks personal data in what the audit shows by default. The case's own people are known, so
 * their names (in any Russian case ending), SNILS, e-mail and phone are masked wherever they occur;
 * so is anything else shaped like a SNILS, passport number, phone number or e-mail address.
 */
final class PersonalDataMask {

  static final String MASK = "***";

  private PersonalDataMask() {}

  static String text(String text, List<Subject> subjects) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (Subject s : subjects) {
      for (String name : new String[] {s.surname(), s.givenName(), s.patronymic()}) {
        if (name != null && name.length() >= 2) {
          // the stem catches the declined forms: Смирнова, Смирновой, Смирновну
          String stem = name.length() > 4 ? name.substring(0, name.length() - 2) : name;
          masked = Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(stem) + "\\p{L}*")
              .matcher(masked).replaceAll(m -> Matcher.quoteReplacement(initial(m.group())));
        }
      }
      for (String value : new String[] {s.snils(), s.email(), s.phone()}) {
        if (value != null && value.length() >= 5) {
          masked = masked.replace(value, MASK);
        }
      }
    }
    return PersonalDataShapes.mask(masked, MASK);
  }

  /** The subject as the masked view shows it: initials and the last two digits of the SNILS. */
  static List<String> identifiers(Subject s) {
    List<String> shown = new ArrayList<>();
    shown.add(initial(s.surname()) + " " + initial(s.givenName()) + (s.patronymic() == null ? "" : " " + initial(s.patronymic())));
    // an anonymised person's SNILS is gone altogether
    shown.add(s.snils() == null ? "СНИЛС удалён" : "СНИЛС ***-***-*** " + s.snils().substring(Math.max(0, s.snils().length() - 2)));
    return shown;
  }

  private static String initial(String word) {
    return word.isEmpty() ? word : word.substring(0, 1) + MASK;
  }
}
