package ru.kuzbass.edu.workflows.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What people read in a process's deployed forms (texts, labels, descriptions, option labels) and
 * BPMN models (element names), with the {@code {{variable}}} placeholders taken out: the rest is
 * typed in, so a figure found there does not follow the configuration.
 */
public final class ReadableTexts {

  private static final List<String> FORM_TEXT_KEYS = List.of("text", "label", "description", "dateLabel");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  private ReadableTexts() {}

  /** A count typed in before its unit, «10 дней», not part of a longer number. */
  public static Pattern number(int value, String unit) {
    return Pattern.compile("(?<!\\d)" + value + "[\\s\\u00A0]*" + unit);
  }

  private static final List<String> NUMERAL_STEMS = List.of("", "од(ин|ного|но)", "дв(а|ух)", "тр(и|ех|ёх)", "четыр", "пят", "шест",
      "сем", "вос(ем|ьм)", "девят", "десят");

  /** A count from 1 to 10 spelled out before its unit, alone or in one word: «пяти лет», «пятилетнее», «трёхдневный». */
  public static Pattern spelled(int value, String unit) {
    if (value < 1 || value >= NUMERAL_STEMS.size()) {
      throw new IllegalArgumentException("Only 1 to 10 are spelled out here: " + value);
    }
    return Pattern.compile("(?<!\\p{L})" + NUMERAL_STEMS.get(value) + "\\p{L}*?[\\s\\u00A0]*" + unit,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** A day of the year typed in, «30 апреля», from configuration's "MM-DD". */
  public static Pattern dayOfYear(String monthDay) {
    String text = java.time.MonthDay.parse("--" + monthDay)
        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.forLanguageTag("ru")));
    return Pattern.compile("(?<!\\d)" + text.replace(" ", "[\\s\\u00A0]+"));
  }

  /** An amount in roubles typed in, with or without the spaces between its thousands: «12 300», «1000000». */
  public static Pattern amount(java.math.BigDecimal value) {
    String digits = value.toBigInteger().toString();
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append("[\\s\\u00A0]?");
      }
      grouped.append(digits.charAt(i));
    }
    return Pattern.compile("(?<!\\d)" + grouped + "(?!\\d)");
  }

  /** The texts of {@code forms/<process>/*.form} and {@code processes/<process>/*.bpmn} on the classpath. */
  public static List<String> of(String process) throws Exception {
    List<String> texts = new ArrayList<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Resource[] forms = resolver.getResources("classpath:forms/" + process + "/*.form");
    Resource[] models = resolver.getResources("classpath:processes/" + process + "/*.bpmn");
    if (forms.length == 0 || models.length == 0) {
      throw new IllegalStateException("No forms or models of " + process + " on the classpath");
    }
    ObjectMapper json = new ObjectMapper();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        collect(json.readTree(in), texts);
      }
    }
    for (Resource model : models) {
      texts.addAll(names(model));
    }
    return texts.stream().map(t -> PLACEHOLDER.matcher(t).replaceAll("")).toList();
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isObject()) {
      FORM_TEXT_KEYS.stream().filter(node::hasNonNull).map(k -> node.get(k)).filter(JsonNode::isTextual).forEach(t -> texts.add(t.asText()));
    }
    node.forEach(child -> collect(child, texts));
  }

  private static List<String> names(Resource model) throws IOException {
    try (InputStream in = model.getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList all = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < all.getLength(); i++) {
        String name = ((Element) all.item(i)).getAttribute("name");
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
      return names;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("Cannot read " + model, e);
    }
  }
}
