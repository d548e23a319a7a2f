package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.ArrayList;
import java.util.List;
import ru.kuzbass.edu.workflows.platform.ApiProblem;

/**
 * The CSV files of school data: a header line, then one row a line with the header's number of
 * fields, split at commas (no field here holds one); blank lines are skipped. A bad row is
 * reported as the JSON field it would be ({@code results[1].score}) with its line number.
 */
final class SchoolCsv {
  /** A school code, as the school directory has it. */
  static final String SCHOOL_CODE = "^[0-9A-Za-z\\-]{1,32}$";

  private SchoolCsv() {}

  /**
   * @param index  the row's place in the JSON list it stands for
   * @param line   its line in the file, counted from 1
   */
  record Row(String list, int index, int line, String[] fields) {
    String field(int i) {
      return fields[i].trim();
    }

    ApiProblem bad(String field, String message) {
      return ApiProblem.badField(list + "[" + index + "]." + field, "строка " + line + ": " + message);
    }
  }

  /**
   * The rows after the header.
   *
   * @param list       the JSON list the rows stand for
   * @param firstField the field a malformed row is reported on
   * @param shape      what a row holds, for the message on a malformed one («код школы, год и результат»)
   */
  static List<Row> read(String csv, String header, String list, String firstField, String shape) {
    String[] lines = csv.replace("\uFEFF", "").split("\\R");
    if (lines.length < 2 || !lines[0].trim().equalsIgnoreCase(header)) {
      throw ApiProblem.badField("body", "Первая строка CSV — заголовок " + header + ", за ним хотя бы одна строка");
    }
    int width = header.split(",").length;
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Row row = new Row(list, i - 1, i + 1, lines[i].split(",", -1));
      if (row.fields().length != width || !row.field(0).matches(SCHOOL_CODE)) {
        throw row.bad(firstField, "ожидается " + shape + " через запятую");
      }
      rows.add(row);
    }
    return rows;
  }
}
