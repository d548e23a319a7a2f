package ru.kuzbass.edu.workflows.letters;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * Renders a {@link LetterContent} as a one- or multi-page A4 PDF/A-2b document.
 *
 * <p>PDF/A needs every font embedded and an output intent. DejaVu Sans (from the
 * jasperreports-fonts jar) covers Cyrillic and the rouble sign; the sRGB profile comes from the
 * JDK itself, so no extra ICC file is shipped. Each letter embeds only the glyphs it uses.
 */
@Component
public class PdfLetterRenderer {

  private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
  private static final float MARGIN = 56f;
  private static final float BODY_SIZE = 11f;
  private static final float LEADING = 15f;
  private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /**
   * The code points of an ordinary letter: Latin, Cyrillic, general punctuation, currency signs (₽)
   * and letterlike symbols (№).
   */
  private static final int[][] USUAL_RANGES = {{0x0000, 0x024F}, {0x0400, 0x052F}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}};
  /** What a font subset for a PDF needs, and the character map to find glyphs by code point. */
  private static final List<String> SUBSET_TABLES =
      List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "name", "post");

  private final byte[] regularFont = readResource(FONT_DIR + "DejaVuSans.ttf");
  private final byte[] boldFont = readResource(FONT_DIR + "DejaVuSans-Bold.ttf");
  // PDFBox works on every glyph of the font for each letter before it keeps only those used: all
  // 6,253 widths of DejaVu Sans are written out and read back, a third of a letter's CPU and half
  // its allocation (P2 in docs/benchmarks.md). Letters in the usual scripts are set in a copy of
  // the font cut down to those (1,079 glyphs) once; a letter with any other character (a name in
  // Greek, say) takes the whole font, so it prints what it printed before.
  private final FontPool usualFonts = new FontPool(usualGlyphs(regularFont), usualGlyphs(boldFont));
  private final FontPool allFonts = new FontPool(regularFont, boldFont);
  // PDFBox's own output intent parses the profile and compresses it again for every letter.
  private final byte[] srgbProfileFlate = flate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

  private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {}

  public byte[] render(LetterContent letter, LetterFrame frame) {
    FontPool pool = inUsualScripts(letter, frame) ? usualFonts : allFonts;
    Fonts fonts = pool.borrow();
    try (PDDocument doc = new PDDocument()) {
      PDType0Font regularType0 = PDType0Font.load(doc, fonts.regular(), true);
      PDType0Font boldType0 = PDType0Font.load(doc, fonts.bold(), true);
      new Layout(doc, regularType0, boldType0, frame).write(letter);
      makePdfA(doc, letter);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render letter " + letter.number(), e);
    } finally {
      pool.giveBack(fonts);
    }
  }

  private static boolean inUsualScripts(LetterContent letter, LetterFrame frame) {
    List<String> texts = new ArrayList<>(List.of(letter.title(), letter.number()));
    texts.addAll(letter.addressee());
    texts.addAll(letter.paragraphs());
    texts.addAll(frame.texts());
    Stream.of(letter.salutation(), letter.basis()).filter(Objects::nonNull).forEach(texts::add);
    return texts.stream().flatMapToInt(String::codePoints).allMatch(PdfLetterRenderer::usual);
  }

  private static boolean usual(int codePoint) {
    for (int[] range : USUAL_RANGES) {
      if (codePoint >= range[0] && codePoint <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private static byte[] usualGlyphs(byte[] font) {
    try {
      TTFSubsetter subsetter = new TTFSubsetter(parse(font), SUBSET_TABLES);
      for (int[] range : USUAL_RANGES) {
        for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
          subsetter.add(codePoint);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      subsetter.writeToStream(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("DejaVu Sans could not be cut down to the usual scripts", e);
    }
  }

  /**
   * Parsed fonts, kept because parsing a TrueType file was most of a letter's cost. One pair may
   * serve many documents, but not two at once (subsetting reads its glyph table). Pairs are lent
   * with one per core at most: a pair per job thread held 35 MB of character maps for renders that
   * could not run at once anyway (P4 in docs/benchmarks.md). A pair is parsed when first needed.
   */
  private static final class FontPool {
    private final byte[] regular;
    private final byte[] bold;
    private final int maxPairs = Runtime.getRuntime().availableProcessors();
    private final BlockingQueue<Fonts> idle = new ArrayBlockingQueue<>(maxPairs);
    private final AtomicInteger pairs = new AtomicInteger();

    FontPool(byte[] regular, byte[] bold) {
      this.regular = regular;
      this.bold = bold;
    }

    Fonts borrow() {
      Fonts fonts = idle.poll();
      if (fonts != null) {
        return fonts;
      }
      if (pairs.getAndUpdate(n -> Math.min(n + 1, maxPairs)) < maxPairs) {
        return new Fonts(parse(regular), parse(bold));
      }
      try {
        return idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting to render a letter", e);
      }
    }

    void giveBack(Fonts fonts) {
      idle.add(fonts);
    }
  }

  private void makePdfA(PDDocument doc, LetterContent letter) throws IOException {
    ZonedDateTime start = letter.date().atStartOfDay(RegionTime.ZONE);
    Calendar created = GregorianCalendar.from(start);
    created.setTimeZone(TimeZone.getTimeZone(RegionTime.ZONE));
    String producer = "Kuzbass teacher workflows";

    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(letter.title());
    info.setProducer(producer);
    info.setCreator(producer);
    info.setCreationDate(created);
    info.setModificationDate(created);

    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xmp(letter.title(), producer, XMP_DATE.format(start)).getBytes(StandardCharsets.UTF_8));
    doc.getDocumentCatalog().setMetadata(metadata);

    PDOutputIntent intent = srgbOutputIntent(doc);
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    doc.getDocumentCatalog().addOutputIntent(intent);
    doc.getDocumentCatalog().getCOSObject().setName(COSName.LANG, "ru-RU");
  }

  /** The output intent PDF/A asks for: sRGB, 3 components, the profile compressed once. */
  private PDOutputIntent srgbOutputIntent(PDDocument doc) throws IOException {
    COSStream profile = doc.getDocument().createCOSStream();
    profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    profile.setInt(COSName.N, 3);
    try (OutputStream out = profile.createRawOutputStream()) {
      out.write(srgbProfileFlate);
    }
    COSDictionary intent = new COSDictionary();
    intent.setItem(COSName.TYPE, COSName.OUTPUT_INTENT);
    intent.setItem(COSName.S, COSName.GTS_PDFA1);
    intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
    return new PDOutputIntent(intent);
  }

  private static byte[] flate(byte[] data) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream out = new DeflaterOutputStream(compressed)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  /**
   * The XMP packet PDF/A asks for: the same title, creator, dates and producer as the document
   * information, and the PDF/A-2b identification. It is written from a template because xmpbox
   * built a type map by reflection for every letter, a tenth of a letter's cost in the P1 profile
   * (docs/benchmarks.md); veraPDF checks the result in the tests.
   */
  private static String xmp(String title, String producer, String date) {
    return """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
        xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="">
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
              <dc:creator><rdf:Seq><rdf:li>%2$s</rdf:li></rdf:Seq></dc:creator>
              <xmp:CreateDate>%3$s</xmp:CreateDate>
              <xmp:ModifyDate>%3$s</xmp:ModifyDate>
              <xmp:CreatorTool>%2$s</xmp:CreatorTool>
              <pdf:Producer>%2$s</pdf:Producer>
              <pdfaid:part>2</pdfaid:part>
              <pdfaid:conformance>B</pdfaid:conformance>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta><?xpacket end="w"?>""".formatted(xmlText(title), xmlText(producer), date);
  }

  private static String xmlText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Writes lines top-down, wrapping words and starting new pages as needed: the letterhead, the
   * addressee on the right, the heading, the salutation, the body, the basis and the appeal route,
   * the signatory; the verification code at the foot of every page.
   */
  private static final class Layout {
    private static final float SMALL_SIZE = 8.5f;
    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final LetterFrame frame;
    private final float fullWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;
    private float x = MARGIN;
    private float width = fullWidth;

    Layout(PDDocument doc, PDType0Font regular, PDType0Font bold, LetterFrame frame) {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      this.frame = frame;
    }

    void write(LetterContent letter) throws IOException {
      newPage();
      letterhead();
      // the addressee block takes the right half, as on the ministry's forms
      x = MARGIN + fullWidth / 2;
      width = fullWidth / 2;
      for (String line : letter.addressee()) {
        paragraph(line, regular, BODY_SIZE, 0);
      }
      x = MARGIN;
      width = fullWidth;
      y -= LEADING;
      paragraph(letter.title(), bold, 14f, 4);
      paragraph("№ " + letter.number() + " от " + RussianFormat.date(letter.date()), regular, BODY_SIZE, LEADING);
      if (letter.salutation() != null) {
        paragraph(letter.salutation(), bold, BODY_SIZE, LEADING / 2);
      }
      for (String p : letter.paragraphs()) {
        paragraph(p, regular, BODY_SIZE, LEADING / 2);
      }
      if (letter.basis() != null) {
        paragraph("Основание: " + letter.basis() + ".", regular, BODY_SIZE, LEADING / 2);
      }
      if (frame.appeal() != null) {
        paragraph(frame.appeal(), regular, BODY_SIZE, LEADING / 2);
      }
      if (frame.signatory() != null) {
        y -= LEADING;
        signature(frame.signatory());
      }
      stream.close();
    }

    private void letterhead() throws IOException {
      paragraph(frame.issuer(), bold, 12f, 2);
      for (String line : frame.details()) {
        paragraph(line, regular, SMALL_SIZE, 0);
      }
      y -= 4;
      stream.moveTo(MARGIN, y);
      stream.lineTo(MARGIN + fullWidth, y);
      stream.stroke();
      y -= LEADING;
    }

    /** The position on the left, wrapped within the left part; the name on the right, on the position's last line. */
    private void signature(LettersProperties.Signatory signatory) throws IOException {
      String name = printable(signatory.name(), bold);
      float nameWidth = bold.getStringWidth(name) / 1000 * BODY_SIZE;
      width = fullWidth - nameWidth - LEADING;
      paragraph(signatory.position(), bold, BODY_SIZE, 0);
      width = fullWidth;
      float lastLine = y + BODY_SIZE + 4;
      show(name, bold, BODY_SIZE, MARGIN + fullWidth - nameWidth, lastLine);
    }

    private void footer() throws IOException {
      if (frame.verification() == null) {
        return;
      }
      float footerY = MARGIN - 2 * LEADING;
      float saved = y;
      y = footerY;
      for (String line : wrap(printable(frame.verification(), regular), regular, SMALL_SIZE)) {
        show(line, regular, SMALL_SIZE, MARGIN, y);
        y -= SMALL_SIZE + 2;
      }
      y = saved;
    }

    private void show(String line, PDType0Font font, float size, float atX, float atY) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(atX, atY);
      stream.showText(line);
      stream.endText();
    }

    private void paragraph(String text, PDType0Font font, float size, float spaceAfter) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String part : text.split("\\R")) {
        lines.addAll(wrap(printable(part, font), font, size));
      }
      for (String line : lines) {
        if (y < MARGIN + LEADING) {
          stream.close();
          newPage();
        }
        show(line, font, size, x, y);
        y -= size + 4;
      }
      y -= spaceAfter;
    }

    /**
     * Text typed by people (names, reasons) may hold tabs, zero-width or bidi marks, or a symbol
     * DejaVu lacks; PDFBox would refuse the whole letter for one of them. Invisible characters are
     * dropped and missing glyphs become «?», so a letter always renders.
     */
    private String printable(String text, PDType0Font font) {
      Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> {
        int type = Character.getType(cp);
        if (cp == '\t') {
          out.append(' ');
        } else if (type == Character.CONTROL || type == Character.FORMAT) {
          // invisible: nothing to print
        } else if (known.computeIfAbsent(cp, c -> hasGlyph(font, c))) {
          out.appendCodePoint(cp);
        } else {
          out.append('?');
        }
      });
      return out.toString();
    }

    private static boolean hasGlyph(PDType0Font font, int codePoint) {
      try {
        font.encode(new String(Character.toChars(codePoint)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    private List<String> wrap(String text, PDType0Font font, float size) throws IOException {
      float space = font.getStringWidth(" ") / 1000 * size;
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (String word : text.split(" ")) {
        float wordWidth = font.getStringWidth(word) / 1000 * size;
        if (!line.isEmpty() && lineWidth + space + wordWidth > width) {
          lines.add(line.toString());
          line.setLength(0);
          lineWidth = 0;
        }
        if (!line.isEmpty()) {
          line.append(' ');
          lineWidth += space;
        }
        line.append(word);
        lineWidth += wordWidth;
      }
      lines.add(line.toString());
      return lines;
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      footer();
      y = PDRectangle.A4.getHeight() - MARGIN;
    }
  }

  private static TrueTypeFont parse(byte[] font) {
    try {
      TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
      // Glyph substitution (ligatures, positional forms) is for scripts that need shaping; Russian
      // does not, and applying the font's rules to every line was a tenth of a letter's cost.
      parsed.setEnableGsub(false);
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("DejaVu Sans could not be parsed", e);
    }
  }

  private static byte[] readResource(String path) {
    try (InputStream in = PdfLetterRenderer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Font " + path + " is missing from the classpath (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
