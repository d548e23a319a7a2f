package ru.kuzbass.edu.workflows.letters;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What makes a letter an official document: the issuer's letterhead, who signs for each process,
 * the appeal route printed under a decision, and where a recipient checks a letter's code. Each
 * value and its source: docs/auditors.md and the {@code letters:} section of application.yml.
 *
 * @param issuer       the ministry's name and details, printed at the top of every letter
 * @param signatories  by process ({@code rural-grant}, {@code mentor-bonus}, {@code cadre-reserve});
 *                     {@code default} signs for a process that has none of its own
 * @param appeal       printed under a decision that refuses or burdens its addressee
 * @param verification where the footer sends a reader to check the letter's code
 */
@ConfigurationProperties("letters")
public record LettersProperties(Issuer issuer, Map<String, Signatory> signatories, Appeal appeal, Verification verification) {

  public static final String DEFAULT_SIGNATORY = "default";

  public LettersProperties {
    signatories = signatories == null ? Map.of() : Map.copyOf(signatories);
    if (issuer == null || issuer.name() == null || appeal == null || verification == null
        || !signatories.containsKey(DEFAULT_SIGNATORY)) {
      throw new IllegalStateException("letters.issuer.name, letters.signatories.default, letters.appeal and letters.verification are required");
    }
  }

  /** @param details the lines under the name: address, phone, e-mail, site, OGRN/INN — each printed if set */
  public record Issuer(String name, List<String> details) {
    public Issuer {
      details = details == null ? List.of() : details.stream().filter(d -> d != null && !d.isBlank()).toList();
    }
  }

  public record Signatory(String position, String name) {}

  /**
   * @param preTrial         the pre-trial route, as the letter words it
   * @param courtTermMonths  the term to go to court, in months
   * @param courtAct         the provision that sets that term
   */
  public record Appeal(String preTrial, int courtTermMonths, String courtAct) {}

  /** @param url the public address the code is appended to */
  public record Verification(String url) {}

  public Signatory signatory(String process) {
    return signatories.getOrDefault(process == null ? DEFAULT_SIGNATORY : process, signatories.get(DEFAULT_SIGNATORY));
  }
}
