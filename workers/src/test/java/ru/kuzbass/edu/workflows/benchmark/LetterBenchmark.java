package ru.kuzbass.edu.workflows.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterFrame;
import ru.kuzbass.edu.workflows.letters.LettersProperties;
import ru.kuzbass.edu.workflows.letters.PdfLetterRenderer;
import ru.kuzbass.edu.workflows.letters.RussianFormat;

/**
 * P2: warm PDF/A decision letters per second on two threads, next to a bare one-page PDFBox
 * document (a standard font, nothing embedded, no PDF/A) made in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 15, time = 2)
public class LetterBenchmark {

  private final PdfLetterRenderer renderer = new PdfLetterRenderer();

  static final LetterContent DECISION = new LetterContent("rural-grant",
      "Уведомление о решении предоставить единовременную компенсационную выплату", "ЗУ-2027-000123/Р", LocalDate.of(2027, 3, 1),
      List.of("Кому: Кузнецова Анна Сергеевна"), "Уважаемая Анна Сергеевна!",
      List.of(
          "Конкурсная комиссия рассмотрела Ваше заявление № ЗУ-2027-000123 и приняла решение предоставить Вам единовременную "
              + "компенсационную выплату в размере " + RussianFormat.money(new BigDecimal("1000000")) + " по программе «Земский учитель».",
          "Место работы: МБОУ «Ижморская средняя общеобразовательная школа № 1» (посёлок городского типа Ижморский, Ижморский "
              + "муниципальный округ). Должность: Учитель математики.",
          "Условия: работать в указанной школе не менее 5 лет с учебной нагрузкой не менее 18 часов в неделю; при прекращении договора "
              + "до истечения 5 лет — вернуть часть выплаты, пропорциональную неотработанному периоду."),
      "постановление Правительства Российской Федерации от 9 ноября 2019 г. № 1430", false);

  /** The letterhead, signatory and code as application.yml sets them by default. */
  static final LetterFrame FRAME = new LetterFrame("Министерство образования Кузбасса",
      List.of("650064, г. Кемерово, Советский пр-т, д. 58", "тел. +7 (3842) 00-00-00, e-mail: info@edu.kuzbass.example",
          "сайт: https://edu.kuzbass.example"),
      null, new LettersProperties.Signatory("Министр образования Кузбасса", "И. О. Фамилия"),
      "Код проверки подлинности: 7K2M-QX9D-4HTB (https://edu.kuzbass.example/api/audit/letters/7K2M-QX9D-4HTB)");

  @Benchmark
  public byte[] decisionLetterPdfA() {
    return renderer.render(DECISION, FRAME);
  }

  @Benchmark
  public byte[] barePdfBoxPage() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
        stream.beginText();
        stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        stream.newLineAtOffset(56, 780);
        stream.showText("Decision ZU-2027-000123: 1 000 000 RUB");
        stream.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
