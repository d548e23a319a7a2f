package ru.kuzbass.edu.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reading letters back: their text, and their PDF/A-2b conformance by veraPDF, the reference validator. */
public final class PdfAssertions {
  private PdfAssertions() {}

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  /** The text of the PDF on one line, no-break spaces as spaces. */
  public static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replace('\u00A0', ' ').replaceAll("\\s*\\R\\s*", " ");
    }
  }

  public static void assertPdfA2b(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      String failures = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
          .distinct()
          .collect(Collectors.joining("\n"));
      assertThat(result.isCompliant()).as("PDF/A-2b violations:\n%s", failures).isTrue();
    }
  }
}
