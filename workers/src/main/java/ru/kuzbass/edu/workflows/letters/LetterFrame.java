package ru.kuzbass.edu.workflows.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the ministry adds around a letter's text: the letterhead, the appeal route under a decision,
 * the signatory, and the verification code in the footer of every page.
 *
 * @param issuer       the issuing body, the first line of the letterhead
 * @param details      the letterhead's further lines: address, phone, e-mail, site
 * @param appeal       the appeal route and term; null where the letter decides nothing against its addressee
 * @param signatory    who signs; null for a report that nobody signs
 * @param verification the footer line with the verification code; null for a document not in the letter registry
 */
public record LetterFrame(String issuer, List<String> details, String appeal, LettersProperties.Signatory signatory,
    String verification) {

  /** Every text the frame prints, for the renderer's choice of font. */
  List<String> texts() {
    List<String> texts = new ArrayList<>(details);
    Stream.of(issuer, appeal, verification).filter(Objects::nonNull).forEach(texts::add);
    if (signatory != null) {
      texts.add(signatory.position());
      texts.add(signatory.name());
    }
    return texts;
  }
}
