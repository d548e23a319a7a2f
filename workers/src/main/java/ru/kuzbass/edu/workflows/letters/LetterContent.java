package ru.kuzbass.edu.workflows.letters;

import java.time.LocalDate;
import java.util.List;

/**
 * The text of one letter, already in Russian; the ministry's letterhead, signatory and verification
 * code are added around it ({@link LetterFrame}).
 *
 * @param process    whose signatory signs it: a key of {@code letters.signatories}, null for the default
 * @param title      the heading, for example «Уведомление о предоставлении единовременной выплаты»
 * @param number     the decision or letter number printed under the heading
 * @param date       the date printed under the heading (the region's date)
 * @param addressee  lines of the «Кому» block
 * @param salutation the greeting line ({@link Salutation}); null where the letter greets nobody by name
 * @param paragraphs the body, one entry a paragraph
 * @param basis      the act the decision rests on, printed as «Основание: …»; null for none
 * @param appealable whether the letter decides against its addressee, and so states how to appeal
 */
public record LetterContent(
    String process,
    String title,
    String number,
    LocalDate date,
    List<String> addressee,
    String salutation,
    List<String> paragraphs,
    String basis,
    boolean appealable) {

  /** A document that is not a decision: no salutation, no basis, nothing to appeal, the default signatory. */
  public LetterContent(String title, String number, LocalDate date, List<String> addressee, List<String> paragraphs) {
    this(null, title, number, date, addressee, null, paragraphs, null, false);
  }
}
