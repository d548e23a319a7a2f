package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import ru.kuzbass.edu.workflows.platform.ApiProblem;

/**
 * Checks receipts before anything is stored: at least one, each a PDF, JPEG or PNG by its first
 * bytes (a name or a declared type proves nothing), none empty or over the configured size. A bad
 * file is named by its place in the request ({@code receipts[1]}).
 */
final class ReceiptUpload {
  private ReceiptUpload() {}

  static final String FIELD = "receipts";
  private static final int MAX_FILES = 20;

  /** A receipt that passed the checks, with the type its bytes show. */
  record Checked(String fileName, String contentType, byte[] content) {}

  private enum Kind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    final String contentType;
    final byte[] magic;

    Kind(String contentType, byte[] magic) {
      this.contentType = contentType;
      this.magic = magic;
    }

    boolean matches(byte[] content) {
      return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
  }

  static List<Checked> check(List<MultipartFile> files, DataSize maxSize) {
    if (files == null || files.isEmpty()) {
      throw ApiProblem.badField(FIELD, "Приложите хотя бы один платёжный документ (PDF, JPEG или PNG)");
    }
    if (files.size() > MAX_FILES) {
      throw ApiProblem.badField(FIELD, "Не более " + MAX_FILES + " файлов в одной заявке");
    }
    List<Checked> checked = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String field = FIELD + "[" + i + "]";
      MultipartFile file = files.get(i);
      byte[] content = read(file, field);
      if (content.length == 0) {
        throw ApiProblem.badField(field, "Файл пуст");
      }
      if (content.length > maxSize.toBytes()) {
        throw ApiProblem.badField(field, "Файл больше допустимого размера (" + limit(maxSize) + ")");
      }
      Kind kind = Arrays.stream(Kind.values()).filter(k -> k.matches(content)).findFirst().orElseThrow(() ->
          ApiProblem.badField(field, "Файл не является документом PDF или изображением JPEG или PNG"));
      checked.add(new Checked(name(file, i), kind.contentType, content));
    }
    return checked;
  }

  private static String limit(DataSize size) {
    return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " МБ" : size.toKilobytes() + " КБ";
  }

  private static byte[] read(MultipartFile file, String field) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw ApiProblem.badField(field, "Файл не удалось прочитать");
    }
  }

  /** The uploaded name without any path, limited to the column; a made-up one where there is none. */
  private static String name(MultipartFile file, int i) {
    String original = file.getOriginalFilename();
    String name = original == null || original.isBlank() ? "receipt-" + (i + 1) : original.replaceAll("^.*[/\\\\]", "").strip();
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
