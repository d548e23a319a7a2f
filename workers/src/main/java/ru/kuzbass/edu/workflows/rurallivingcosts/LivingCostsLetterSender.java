package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.people.Person;

/**
 * Issues a letter of the living-cost compensation and e-mails it to the teacher: once per case and
 * kind, so a retried step finds the stored letter and the sent e-mail.
 */
@Component
class LivingCostsLetterSender {

  private final LetterService letters;
  private final MailService mail;

  LivingCostsLetterSender(LetterService letters, MailService mail) {
    this.letters = letters;
    this.mail = mail;
  }

  /** {@code about} ends the subject: what the letter is about («за февраль 2027 г.», the case number). */
  void send(String caseNumber, LivingCostsLetterKind kind, Person to, String about, Supplier<LetterContent> content) {
    IssuedLetter letter = letters.issue(caseNumber, kind.name(), kind.fileName(caseNumber), content);
    String title = lowerFirst(kind.title());
    mail.send(new OutgoingMail(caseNumber + ":" + kind.name(), to.email(),
        "Компенсация расходов на жильё и коммунальные услуги: " + title + " (" + about + ")",
        "Здравствуйте, " + to.givenName() + "!\n\nВо вложении — " + title + " № " + letter.number() + ".\n\n"
            + "Письмо отправлено автоматически, отвечать на него не нужно.\n\n" + LivingCostsLetters.ISSUER,
        letter));
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
