package ru.kuzbass.edu.workflows.cadrereserve;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.http.HttpStatus;
import ru.kuzbass.edu.workflows.platform.ApiProblem;

/** Checks an uploaded file before it is stored: a real PDF that PDFBox opens, with pages, within the size limit. */
final class PdfUpload {
  private PdfUpload() {}

  static final int MAX_BYTES = 10 * 1024 * 1024;

  static byte[] require(String field, byte[] content) {
    if (content == null || content.length == 0) {
      throw ApiProblem.badField(field, "Файл пуст");
    }
    if (content.length > MAX_BYTES) {
      throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "Файл слишком большой", "Файл больше 10 МБ", field);
    }
    if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
      throw ApiProblem.badField(field, "Файл не является документом PDF");
    }
    try (PDDocument pdf = Loader.loadPDF(content)) {
      if (pdf.getNumberOfPages() == 0 || pdf.isEncrypted()) {
        throw ApiProblem.badField(field, "PDF не содержит страниц или защищён паролем");
      }
    } catch (IOException e) {
      throw ApiProblem.badField(field, "PDF повреждён и не открывается");
    }
    return content;
  }
}
