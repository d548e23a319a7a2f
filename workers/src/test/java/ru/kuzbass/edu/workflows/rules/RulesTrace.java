package ru.kuzbass.edu.workflows.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import static java.util.stream.Collectors.toSet;

/**
 * Checks that docs/rules.md accounts for every configuration key and every DMN decision and rule,
 * and that each rule row names its source. The page's tables are read by their header: a table
 * headed {@code rule | configuration key | default | source} holds rules, one headed
 * {@code setting | configuration key | ...} holds settings that are not rules.
 */
final class RulesTrace {

  /** The sections of application.yml that hold rules, or settings next to them; a section not there is skipped. */
  static final List<String> SECTIONS = List.of("ruralgrant", "mentoring", "pedclass", "cadre", "letters", "workflows", "development-route",
      "olympiad-award", "young-teacher", "rural-living-costs");

  static final String LOCAL_DEFAULT = "local default, to be confirmed";

  /** Maps keyed by year: an override of the rules is one key, whatever years it lists. */
  private static final Set<String> PER_YEAR = Set.of("campaigns", "years", "seasons", "envelopes");

  /** A setting's own name; a map keyed otherwise (REGIONAL, a year) is data, and one key. */
  private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  /** A quotation with the name of what it quotes before it. */
  private static final Pattern QUOTATION = Pattern.compile("\\p{L}[^«]*«[^»]+»");

  private RulesTrace() {}

  /** The keys of the given sections: leaves, lists, per-year override maps and maps of data. */
  static Set<String> configurationKeys(String yaml, Collection<String> sections) {
    Map<?, ?> document = new Yaml().load(yaml);
    Set<String> keys = new TreeSet<>();
    for (String section : sections) {
      if (document.containsKey(section)) {
        collect(section, document.get(section), keys);
      }
    }
    return keys;
  }

  private static void collect(String key, Object value, Set<String> keys) {
    String name = key.substring(key.lastIndexOf('.') + 1);
    if (value instanceof Map<?, ?> map && !map.isEmpty() && !PER_YEAR.contains(name)
        && map.keySet().stream().allMatch(k -> k instanceof String s && SETTING_NAME.matcher(s).matches())) {
      map.forEach((k, v) -> collect(key + "." + k, v, keys));
    } else {
      keys.add(key);
    }
  }

  /** The ids of a DMN file's decisions and of their tables' rules. */
  static Set<String> dmnIds(String dmn) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
      Set<String> ids = new TreeSet<>();
      for (String element : List.of("decision", "rule")) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
          ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a readable DMN file", e);
    }
  }

  /** What docs/rules.md misses or gets wrong; empty when it accounts for everything. */
  static List<String> problems(Set<String> keys, Set<String> dmnIds, String rulesPage) {
    List<Row> rows = rows(rulesPage);
    Set<String> documentedKeys = new LinkedHashSet<>();
    Set<String> codesOfRules = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      documentedKeys.addAll(all(KEY, row.cells().get(1)));
      if (row.rule()) {
        codesOfRules.addAll(all(CODE, String.join(" ", row.cells())));
        String source = row.cells().size() > 3 ? row.cells().get(3) : "";
        if (!namesItsSource(source)) {
          problems.add("the rule «" + row.cells().get(0) + "» has a source that is neither a quotation («…» after the name of"
              + " its document), a named act (№ or No.) nor \"" + LOCAL_DEFAULT + "\": \"" + source + "\"");
        }
      }
    }
    Set<String> missingKeys = new TreeSet<>(keys);
    missingKeys.removeAll(documentedKeys);
    if (!missingKeys.isEmpty()) {
      problems.add("configuration keys without a row in docs/rules.md: " + String.join(", ", missingKeys));
    }
    Set<String> roots = keys.stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))).collect(toSet());
    Set<String> stale = new TreeSet<>();
    for (String documented : documentedKeys) {
      boolean inCheckedSection = roots.contains(documented.substring(0, documented.indexOf('.')));
      if (inCheckedSection && !keys.contains(documented) && keys.stream().noneMatch(k -> documented.startsWith(k + "."))) {
        stale.add(documented);
      }
    }
    if (!stale.isEmpty()) {
      problems.add("rows in docs/rules.md name keys that application.yml no longer has: " + String.join(", ", stale));
    }
    Set<String> missingIds = new TreeSet<>(dmnIds);
    missingIds.removeAll(codesOfRules);
    if (!missingIds.isEmpty()) {
      problems.add("DMN decisions and rules without a rule row in docs/rules.md: " + String.join(", ", missingIds));
    }
    return problems;
  }

  static boolean namesItsSource(String source) {
    return source.equals(LOCAL_DEFAULT)
        || source.startsWith(LOCAL_DEFAULT + " (")
        || QUOTATION.matcher(source).find()
        || source.contains("№")
        || source.contains("No.");
  }

  private record Row(boolean rule, List<String> cells) {}

  /** The body rows of the tables headed "rule" or "setting", then "configuration key". */
  private static List<Row> rows(String page) {
    List<Row> rows = new ArrayList<>();
    List<String> header = List.of();
    List<String> previous = null;
    for (String line : page.lines().map(String::strip).toList()) {
      if (!line.startsWith("|")) {
        header = List.of();
        previous = null;
      } else if (line.matches("\\|[-:| ]+\\|")) {
        header = previous;
      } else {
        List<String> cells = cells(line);
        boolean traced = header.size() >= 3 && header.get(1).equals("configuration key");
        if (traced && cells.size() >= 2 && (header.get(0).equals("rule") || header.get(0).equals("setting"))) {
          rows.add(new Row(header.get(0).equals("rule"), cells));
        }
        previous = cells;
      }
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
