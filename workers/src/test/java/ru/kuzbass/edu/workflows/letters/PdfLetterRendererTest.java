package ru.kuzbass.edu.workflows.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.support.PdfAssertions;

/** Letters read back as text and checked against PDF/A-2b by veraPDF, the reference validator. */
class PdfLetterRendererTest {

  private final PdfLetterRenderer renderer = new PdfLetterRenderer();

  static LetterContent letter(String name, List<String> paragraphs) {
    return new LetterContent("Уведомление о решении предоставить единовременную компенсационную выплату", "ЗУ-2027-000123/Р",
        LocalDate.of(2027, 3, 1), List.of("Кому: " + name), paragraphs, "Министерство образования Кузбасса");
  }

  @Test
  void letterCarriesNameNumberAndAmountAndIsPdfA2b() throws Exception {
    byte[] pdf = renderer.render(letter("Кузнецова Анна Сергеевна", List.of(
        "Размер выплаты: " + RussianFormat.money(new BigDecimal("1000000")) + ".",
        "Условия: работать не менее 5 лет. ".repeat(40))));

    String text = text(pdf);
    assertThat(text).contains("Кузнецова Анна Сергеевна", "№ ЗУ-2027-000123/Р от 1 марта 2027 г.", "1 000 000 ₽", "не менее 5 лет");
    assertPdfA2b(pdf);
  }

  @Test
  void longLettersFlowOntoFurtherPages() throws Exception {
    byte[] pdf = renderer.render(letter("Кузнецова Анна", List.of("Абзац с длинным текстом о правилах программы. ".repeat(400))));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
    }
    assertPdfA2b(pdf);
  }

  @Test
  void hostileTextStillRenders() throws Exception {
    String name = "Д'Артаньян-\u200BОглы \u202Eאבג\u202C 𝔘 😀\tМария";
    byte[] pdf = renderer.render(letter(name, List.of("<script>alert(1)</script>'; DROP TABLE person; --", "строка\nвторая строка")));
    String text = text(pdf);
    assertThat(text).contains("Д'Артаньян-Оглы", "Мария", "<script>alert(1)</script>'; DROP TABLE person; --", "вторая строка");
    assertPdfA2b(pdf);
  }

  /**
   * More letters at once than the renderer keeps parsed fonts: each waits for a pair, and no letter
   * takes glyphs from another's subset (a shared font would drop or mix them up).
   */
  @Test
  void manyThreadsShareTheParsedFonts() throws Exception {
    List<String> names = List.of("Жукова Юлия", "Щербаков Эдуард", "Фёдорова Ксения", "Цой Шамиль", "Ёлкин Харитон", "Быстрова Злата",
        "Гусев Павел", "Чернова Ия");
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(names.size())) {
      List<java.util.concurrent.Future<byte[]>> letters = new java.util.ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (String name : names) {
          letters.add(pool.submit(() -> renderer.render(letter(name, List.of("Уважаемый(ая) " + name + "!")))));
        }
      }
      for (int i = 0; i < letters.size(); i++) {
        String name = names.get(i % names.size());
        assertThat(text(letters.get(i).get())).contains("Кому: " + name, "Уважаемый(ая) " + name + "!");
      }
      assertPdfA2b(letters.getLast().get());
    }
  }

  @Test
  void moneyIsWrittenTheRussianWay() {
    assertThat(RussianFormat.money(new BigDecimal("1000000")).replace('\u00A0', ' ')).isEqualTo("1 000 000 ₽");
    assertThat(RussianFormat.money(new BigDecimal("491516.15")).replace('\u00A0', ' ')).isEqualTo("491 516,15 ₽");
  }

  /** Reports how long a warm letter takes to render; a figure for the notes, not an assertion. */
  @Test
  void reportsRenderTime() {
    LetterContent sample = letter("Кузнецова Анна Сергеевна", List.of("Размер выплаты: 1 000 000 ₽.", "Условия. ".repeat(60)));
    for (int i = 0; i < 20; i++) {
      renderer.render(sample);
    }
    int n = 50;
    long start = System.nanoTime();
    int size = 0;
    for (int i = 0; i < n; i++) {
      size = renderer.render(sample).length;
    }
    double ms = (System.nanoTime() - start) / 1e6 / n;
    System.out.printf("Letter render: %.1f ms per letter (warm, 1 thread), %d bytes%n", ms, size);
    assertThat(size).isPositive();
  }

  private static String text(byte[] pdf) throws Exception {
    return PdfAssertions.text(pdf);
  }

  private static void assertPdfA2b(byte[] pdf) throws Exception {
    PdfAssertions.assertPdfA2b(pdf);
  }
}
