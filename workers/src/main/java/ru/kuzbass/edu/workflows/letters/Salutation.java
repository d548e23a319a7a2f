package ru.kuzbass.edu.workflows.letters;

import java.util.List;
import java.util.Locale;

/**
 * The salutation of a letter to a person, by the gender their patronymic shows: «Уважаемая Анна
 * Сергеевна!», «Уважаемый Иван Ильич!». Where the patronymic does not tell (none given, or a form
 * these endings do not cover) the letter greets neutrally: «Здравствуйте, Анна!».
 */
public final class Salutation {
  private Salutation() {}

  private static final Locale RU = Locale.forLanguageTag("ru");
  /** Russian -вич/-ич (Сергеевич, Ильич, Кузьмич); Turkic «оглы», «улы», «уулу» (son of). */
  private static final List<String> MALE = List.of("ич", "оглы", "улы", "уулу");
  /** Russian -вна/-чна/-шна (Сергеевна, Никитична, Фоминична, Саввишна); Turkic «кызы», «гызы», «қызы» (daughter of). */
  private static final List<String> FEMALE = List.of("вна", "чна", "шна", "кызы", "гызы", "қызы");

  public static String of(String givenName, String patronymic) {
    String given = givenName == null ? "" : givenName.strip();
    String father = patronymic == null ? "" : patronymic.strip();
    if (father.isEmpty()) {
      return "Здравствуйте, " + given + "!";
    }
    String name = given + " " + father;
    String ending = father.toLowerCase(RU);
    if (FEMALE.stream().anyMatch(ending::endsWith)) {
      return "Уважаемая " + name + "!";
    }
    if (MALE.stream().anyMatch(ending::endsWith)) {
      return "Уважаемый " + name + "!";
    }
    return "Здравствуйте, " + name + "!";
  }
}
