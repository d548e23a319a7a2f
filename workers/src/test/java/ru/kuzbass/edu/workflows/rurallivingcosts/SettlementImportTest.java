package ru.kuzbass.edu.workflows.rurallivingcosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The settlement register's staff import: JSON or CSV, a re-import updates, one bad settlement imports nothing. */
class SettlementImportTest extends ProcessTest {

  @Autowired MockMvc mvc;
  @Autowired SettlementRegister register;

  @BeforeEach
  void municipality() {
    jdbc.sql("INSERT INTO municipality (code, name) VALUES ('IZH', 'Ижморский муниципальный округ')").update();
  }

  @Test
  void jsonAndCsvImportAndAReimportUpdates() throws Exception {
    mvc.perform(post("/api/rural-living-costs/settlements").with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"settlements\": {\"code\": \"IZH-S-01\", \"name\": \"Почитанка\", \"municipalityCode\": \"IZH\", \"type\": \"VILLAGE\", \"population\": 800}}"))
        .andExpect(status().isOk());
    mvc.perform(post("/api/rural-living-costs/settlements").with(ApiUsers.hr()).contentType("text/csv")
            .content("code,name,municipality_code,type,population\nIZH-S-01,Почитанка,IZH,VILLAGE,810\nIZH-S-02,\"Ижморский, пгт\",IZH,URBAN_TYPE_SETTLEMENT,9800\n"))
        .andExpect(status().isOk());
    assertThat(register.find("IZH-S-01")).hasValueSatisfying(p -> assertThat(p.population()).isEqualTo(810));
    assertThat(register.find("IZH-S-02")).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Ижморский, пгт");
      assertThat(p.municipality()).isEqualTo("Ижморский муниципальный округ");
    });
  }

  @Test
  void oneBadSettlementImportsNothingAndNamesTheField() throws Exception {
    String body = mvc.perform(post("/api/rural-living-costs/settlements").with(ApiUsers.hr()).contentType("text/csv")
            .content("code,name,municipality_code,type,population\nIZH-S-01,Почитанка,IZH,VILLAGE,800\nIZH-S-02,Хутор,IZH,HAMLET,5\n"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("settlements[1].type", "строка 3");
    String unknown = mvc.perform(post("/api/rural-living-costs/settlements").with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"settlements\": [{\"code\": \"IZH-S-01\", \"name\": \"Почитанка\", \"municipalityCode\": \"IZH\", \"type\": \"VILLAGE\", \"population\": 800},"
                + "{\"code\": \"X-1\", \"name\": \"Где-то\", \"municipalityCode\": \"NOPE\", \"type\": \"VILLAGE\", \"population\": 10}]}"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(unknown).contains("settlements[1].municipalityCode");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM settlement").query(Integer.class).single()).isZero();
  }
}
