package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.List;
import ru.kuzbass.edu.workflows.platform.CsvImport;

/** The CSV files of school data ({@link CsvImport}): every row starts with the school's code. */
final class SchoolCsv {
  /** A school code, as the school directory has it. */
  static final String SCHOOL_CODE = "^[0-9A-Za-z\\-]{1,32}$";

  private SchoolCsv() {}

  /** The rows after the header; see {@link CsvImport#read}. */
  static List<CsvImport.Row> read(String csv, String header, String list, String firstField, String shape) {
    return CsvImport.read(csv, header, list, firstField, SCHOOL_CODE, shape);
  }
}
