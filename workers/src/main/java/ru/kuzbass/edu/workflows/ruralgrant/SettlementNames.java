package ru.kuzbass.edu.workflows.ruralgrant;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares settlements by name as people write them: the applicant types the previous settlement,
 * the school directory has the school's. Case, «ё», repeated spaces and a leading abbreviation of
 * the settlement's kind («г.», «пгт», «с.», …) do not make two names differ.
 */
final class SettlementNames {
  private SettlementNames() {}

  private static final Pattern KIND = Pattern.compile("^(г|город|пгт|рп|р\\.п|п|пос|поселок|с|село|д|деревня)\\.?\\s+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Whether the two (municipality, settlement) pairs name the same settlement. */
  static boolean same(String municipalityA, String settlementA, String municipalityB, String settlementB) {
    return normalise(municipalityA).equals(normalise(municipalityB)) && normalise(settlementA).equals(normalise(settlementB));
  }

  static String normalise(String name) {
    String s = SPACES.matcher(name.trim().toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ");
    return KIND.matcher(s).replaceFirst("");
  }
}
