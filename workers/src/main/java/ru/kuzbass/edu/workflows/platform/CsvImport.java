package ru.kuzbass.edu.workflows.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV files that staff import: a header line, then one row a line with the header's number of
 * fields; blank lines are skipped. A field may be quoted as RFC 4180 has it ({@code "Курс, 72 ч"},
 * a quote doubled inside), so that titles may hold commas; a quoted field does not span lines. A
 * bad row is reported as the JSON field it would be ({@code results[1].score}) with its line number,
 * and the caller imports nothing.
 */
public final class CsvImport {

  private CsvImport() {}

  /**
   * @param index  the row's place in the JSON list it stands for
   * @param line   its line in the file, counted from 1
   */
  public record Row(String list, int index, int line, List<String> fields) {
    public String field(int i) {
      return fields.get(i).trim();
    }

    public ApiProblem bad(String field, String message) {
      return ApiProblem.badField(list + "[" + index + "]." + field, "строка " + line + ": " + message);
    }
  }

  /**
   * The rows after the header.
   *
   * @param list              the JSON list the rows stand for
   * @param firstField        the field a malformed row is reported on
   * @param firstFieldPattern what the first field (the row's key) must match
   * @param shape             what a row holds, for the message on a malformed one («код школы, год и результат»)
   */
  public static List<Row> read(String csv, String header, String list, String firstField, String firstFieldPattern, String shape) {
    String[] lines = csv.replace(Csv.BOM, "").split("\\R");
    if (lines.length < 2 || !lines[0].trim().equalsIgnoreCase(header)) {
      throw ApiProblem.badField("body", "Первая строка CSV — заголовок " + header + ", за ним хотя бы одна строка");
    }
    int width = header.split(",").length;
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = split(lines[i]);
      Row row = new Row(list, rows.size(), i + 1, fields == null ? List.of() : fields);
      if (row.fields().size() != width || !row.field(0).matches(firstFieldPattern)) {
        throw row.bad(firstField, "ожидается " + shape + " через запятую");
      }
      rows.add(row);
    }
    return rows;
  }

  /** The line's fields, or null when a quote is left open or followed by anything but a comma. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            return null;
          }
          char c = line.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          return null;
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }
}
