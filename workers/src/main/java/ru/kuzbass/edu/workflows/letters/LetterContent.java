package ru.kuzbass.edu.workflows.letters;

import java.time.LocalDate;
import java.util.List;

/**
 * The text of one letter, already in Russian.
 *
 * @param title      the heading, for example «Уведомление о предоставлении единовременной выплаты»
 * @param number     the decision or letter number printed under the heading
 * @param date       the date printed under the heading (the region's date)
 * @param addressee  lines of the «Кому» block
 * @param paragraphs the body, one entry a paragraph
 * @param signature  the closing line, for example the issuing body
 */
public record LetterContent(
    String title,
    String number,
    LocalDate date,
    List<String> addressee,
    List<String> paragraphs,
    String signature) {}
