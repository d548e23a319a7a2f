package ru.kuzbass.edu.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * Anyone holding a letter checks it by the code printed in its footer: the registry answers with the
 * letter's number, kind, date and SHA-256, without an account and without personal data.
 */
class LetterVerificationTest extends ProcessTest {

  private static final Pattern CODE = Pattern.compile("Код проверки подлинности: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})");

  @Autowired MockMvc mvc;
  @Autowired LetterService letters;
  @Autowired ObjectMapper json;

  @Test
  void theCodeOnTheLetterResolvesToItsHash() throws Exception {
    IssuedLetter letter = letters.issue("ЗУ-2027-000123", "REJECTION", "ЗУ-2027-000123-О.pdf", () -> new LetterContent("rural-grant",
        "Уведомление об отказе", "ЗУ-2027-000123/О", LocalDate.of(2027, 3, 1), List.of("Кому: Кузнецова Анна Сергеевна"),
        "Уважаемая Анна Сергеевна!", List.of("Отказано."), "постановление № 1430", true));
    Matcher printed = CODE.matcher(PdfAssertions.text(letter.pdf()));
    assertThat(printed.find()).as("the code in the letter's footer").isTrue();
    String code = printed.group(1);

    String body = mvc.perform(get("/api/audit/letters/" + code)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode answer = json.readTree(body);
    assertThat(answer.get("sha256").asText()).isEqualTo(LetterService.sha256(letter.pdf()))
        .isEqualTo(jdbc.sql("SELECT sha256 FROM letter").query(String.class).single());
    assertThat(answer.get("number").asText()).isEqualTo("ЗУ-2027-000123/О");
    assertThat(answer.get("kind").asText()).isEqualTo("REJECTION");
    assertThat(answer.get("issuedOn").asText()).isEqualTo("2027-03-01");
    assertThat(answer.get("code").asText()).isEqualTo(code);
    assertThat(body).as("nothing personal").doesNotContain("Кузнецова", "Анна");

    // typed from paper: lower case, without hyphens
    mvc.perform(get("/api/audit/letters/" + code.replace("-", "").toLowerCase())).andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value("ЗУ-2027-000123/О"));
  }

  @Test
  void anUnknownCodeIsNotFound() throws Exception {
    letters.issue("ЗУ-2027-000124", "REJECTION", "a.pdf", () -> new LetterContent("Отказ", "ЗУ-2027-000124/О", LocalDate.of(2027, 3, 1),
        List.of("Кому: Иванов"), List.of("Причина")));
    String stored = jdbc.sql("SELECT verification_code FROM letter").query(String.class).single();
    String other = (stored.charAt(0) == 'A' ? "B" : "A") + stored.substring(1);
    for (String unknown : List.of(other, "7K2M-QX9D-4HT", "not-a-code")) {
      mvc.perform(get("/api/audit/letters/" + unknown)).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.title").value("Не найдено"));
    }
  }
}
