package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantProperties.CampaignRules;

class RuralGrantPropertiesTest {

  private static final CampaignRules DEFAULTS = new CampaignRules(new BigDecimal("1000000"), 50_000, 18, 0, "01-10", "04-15", 5,
      RefundMode.PROPORTIONAL, List.of(SettlementType.VILLAGE, SettlementType.TOWN), "постановление № 1430",
      RelocationRule.DIFFERENT_SETTLEMENT);

  @Test
  void aYearOverridesOnlyWhatItSets() {
    var properties = new RuralGrantProperties("ЗУ", 10, DEFAULTS,
        Map.of(2028, new CampaignRules(null, null, null, 55, null, "04-30", null, RefundMode.FULL, null, null, RelocationRule.NONE)));

    var y2027 = properties.campaign(2027);
    assertThat(y2027.ageLimit()).isNull();
    assertThat(y2027.windowStart()).isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(y2027.windowEnd()).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(y2027.refundMode()).isEqualTo(RefundMode.PROPORTIONAL);

    var y2028 = properties.campaign(2028);
    assertThat(y2028.ageLimit()).isEqualTo(55);
    assertThat(y2028.windowEnd()).isEqualTo(LocalDate.of(2028, 4, 30));
    assertThat(y2028.refundMode()).isEqualTo(RefundMode.FULL);
    assertThat(y2028.grantAmount()).isEqualByComparingTo("1000000");
    assertThat(y2027.relocationRule()).isEqualTo(RelocationRule.DIFFERENT_SETTLEMENT);
    assertThat(y2028.relocationRule()).isEqualTo(RelocationRule.NONE);
  }

  @Test
  void aMissingDefaultIsNamed() {
    var incomplete = new CampaignRules(null, 50_000, 18, 0, "01-10", "04-15", 5, RefundMode.FULL, List.of(), "x", RelocationRule.NONE);
    assertThatThrownBy(() -> new RuralGrantProperties("ЗУ", 10, incomplete, null).campaign(2027))
        .hasMessageContaining("grant-amount");
  }
}
