package ru.kuzbass.edu.workflows.platform;

/** CSV exports (RFC 4180) that people open in spreadsheet programs. */
public final class Csv {
  private Csv() {}

  /** The byte-order mark that makes spreadsheet programs read UTF-8 (and so the Cyrillic) right. */
  public static final String BOM = "\uFEFF";

  /** A quoted field; a leading =, +, - or @ is prefixed with an apostrophe so that a spreadsheet does not run it as a formula. */
  public static String field(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
