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

  private static final LettersProperties CONFIGURATION = new LettersProperties(
      new LettersProperties.Issuer("Министерство образования Кузбасса", List.of("650064, г. Кемерово, Советский пр-т, д. 58", "")),
      java.util.Map.of(LettersProperties.DEFAULT_SIGNATORY, new LettersProperties.Signatory("Министр образования Кузбасса", "А. Б. Подписантов"),
          "rural-grant", new LettersProperties.Signatory("Заместитель министра образования Кузбасса", "В. Г. Заместителев")),
      new LettersProperties.Appeal("жалобой на имя министра", 3, "часть 1 статьи 219 КАС РФ"),
      new LettersProperties.Verification("https://edu.example/check/"));
  private final Letterhead letterhead = new Letterhead(CONFIGURATION);

  static LetterContent letter(String name, List<String> paragraphs) {
    return new LetterContent("rural-grant", "Уведомление о решении предоставить единовременную компенсационную выплату", "ЗУ-2027-000123/Р",
        LocalDate.of(2027, 3, 1), List.of("Кому: " + name), "Уважаемая Анна Сергеевна!", paragraphs, "постановление № 1430", true);
  }

  private byte[] render(LetterContent letter) {
    return renderer.render(letter, letterhead.frame(letter, "7K2M0QX9D4HT"));
  }

  @Test
  void letterIsAnOfficialDocument() throws Exception {
    byte[] pdf = render(letter("Кузнецова Анна Сергеевна", List.of("Отказано.")));

    String text = text(pdf).replace('\u00A0', ' ');
    assertThat(text).contains("Министерство образования Кузбасса", "650064, г. Кемерово, Советский пр-т, д. 58",
        "Уважаемая Анна Сергеевна!", "Основание: постановление № 1430.",
        "Решение может быть обжаловано в досудебном порядке — жалобой на имя министра, а также в суде — в течение 3 месяцев со дня, "
            + "когда Вам стало известно о решении (часть 1 статьи 219 КАС РФ).",
        "Заместитель министра образования Кузбасса", "В. Г. Заместителев",
        "Код проверки подлинности: 7K2M-0QX9-D4HT (https://edu.example/check/7K2M-0QX9-D4HT)");
    assertThat(text).as("the process's own signatory, not the default").doesNotContain("Подписантов");
    assertPdfA2b(pdf);
  }

  @Test
  void aLetterThatDecidesNothingAgainstItsAddresseeHasNoAppealAndTheDefaultSignatory() throws Exception {
    LetterContent thanks = new LetterContent("cadre-reserve", "Свидетельство", "НС-2027-000001/С", LocalDate.of(2027, 3, 1),
        List.of("Кому: Иванов Иван"), null, List.of("Благодарим."), null, false);
    String text = text(renderer.render(thanks, letterhead.frame(thanks, "7K2M0QX9D4HT")));
    assertThat(text).contains("Министр образования Кузбасса", "А. Б. Подписантов", "7K2M-0QX9-D4HT")
        .doesNotContain("обжаловано", "Основание", "Уважаем");
  }

  @Test
  void theCodeIsInTheFootOfEveryPage() throws Exception {
    byte[] pdf = render(letter("Кузнецова Анна", List.of("Абзац с длинным текстом о правилах программы. ".repeat(400))));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(doc)).as("page " + page).contains("Код проверки подлинности: 7K2M-0QX9-D4HT");
      }
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
    }
  }

  @Test
  void aMonthAndSomeMonths() {
    assertThat(List.of(1, 2, 3, 5, 11, 12, 21, 111).stream().map(n -> n + " " + Letterhead.months(n)).toList())
        .containsExactly("1 месяца", "2 месяцев", "3 месяцев", "5 месяцев", "11 месяцев", "12 месяцев", "21 месяца", "111 месяцев");
  }

  @Test
  void verificationCodesAreReadAsTyped() {
    String code = VerificationCode.next();
    assertThat(code).hasSize(12).matches("[0-9A-HJKMNP-TV-Z]{12}");
    assertThat(VerificationCode.parse(VerificationCode.printed(code).toLowerCase())).contains(code);
    assertThat(VerificationCode.parse(" 7k2m-oqx9-d4ht ")).as("O read as zero").contains("7K2M0QX9D4HT");
    assertThat(VerificationCode.parse("7K2M-0QX9-D4H")).as("one short").isEmpty();
    assertThat(VerificationCode.parse("7K2M-0QX9-D4HTU")).as("one long").isEmpty();
    assertThat(VerificationCode.parse("7K2M-0QX9-D4HU")).as("U is not in the alphabet").isEmpty();
    assertThat(VerificationCode.parse(null)).isEmpty();
  }

  @Test
  void letterCarriesNameNumberAndAmountAndIsPdfA2b() throws Exception {
    byte[] pdf = render(letter("Кузнецова Анна Сергеевна", List.of(
        "Размер выплаты: " + RussianFormat.money(new BigDecimal("1000000")) + ".",
        "Условия: работать не менее 5 лет. ".repeat(40))));

    String text = text(pdf);
    assertThat(text).contains("Кузнецова Анна Сергеевна", "№ ЗУ-2027-000123/Р от 1 марта 2027 г.", "1 000 000 ₽", "не менее 5 лет");
    assertPdfA2b(pdf);
  }

  @Test
  void longLettersFlowOntoFurtherPages() throws Exception {
    byte[] pdf = render(letter("Кузнецова Анна", List.of("Абзац с длинным текстом о правилах программы. ".repeat(400))));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
    }
    assertPdfA2b(pdf);
  }

  @Test
  void hostileTextStillRenders() throws Exception {
    String name = "Д'Артаньян-\u200BОглы \u202Eאבג\u202C 𝔘 😀\tМария";
    byte[] pdf = render(letter(name, List.of("<script>alert(1)</script>'; DROP TABLE person; --", "строка\nвторая строка")));
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
          letters.add(pool.submit(() -> render(letter(name, List.of("Письмо для " + name + ".")))));
        }
      }
      for (int i = 0; i < letters.size(); i++) {
        String name = names.get(i % names.size());
        assertThat(text(letters.get(i).get())).contains("Кому: " + name, "Письмо для " + name + ".");
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
      render(sample);
    }
    int n = 50;
    long start = System.nanoTime();
    int size = 0;
    for (int i = 0; i < n; i++) {
      size = render(sample).length;
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
