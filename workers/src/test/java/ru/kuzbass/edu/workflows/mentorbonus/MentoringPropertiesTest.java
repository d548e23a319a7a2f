package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.mentorbonus.MentoringProperties.Rules;
import ru.kuzbass.edu.workflows.people.QualificationCategory;

class MentoringPropertiesTest {

  private static final Rules DEFAULTS = new Rules(new BigDecimal("12300"), 24, 5, List.of(QualificationCategory.FIRST), 35, 3, 3,
      "размер доплаты установлен по умолчанию");

  private static MentoringProperties properties(boolean municipal, Map<String, BigDecimal> envelope2027) {
    return new MentoringProperties("НС", 10, Duration.ofHours(24), municipal, DEFAULTS,
        Map.of(2028, new Rules(new BigDecimal("15000"), 12, null, null, null, null, null, "закон Кузбасса 2028 года")),
        Map.of(2027, envelope2027), Map.of());
  }

  @Test
  void aMunicipalEnvelopeIsRefusedAtStartUpWhileMunicipalFundingIsOff() {
    assertThatThrownBy(() -> properties(false, Map.of("REGIONAL", BigDecimal.TEN, "MUNICIPAL", BigDecimal.TEN)))
        .hasMessageContaining("mentoring.envelopes.2027.MUNICIPAL").hasMessageContaining("mentoring.municipal-funding-enabled");
    assertThat(properties(false, Map.of("REGIONAL", BigDecimal.TEN)).fundingSourceAllowed("MUNICIPAL")).isFalse();
    assertThat(properties(false, Map.of("REGIONAL", BigDecimal.TEN)).fundingSourceAllowed("REGIONAL")).isTrue();
  }

  @Test
  void withMunicipalFundingOnAMunicipalEnvelopeAndNominationAreAllowed() {
    MentoringProperties on = properties(true, Map.of("REGIONAL", BigDecimal.TEN, "MUNICIPAL", BigDecimal.TEN));
    assertThat(on.fundingSourceAllowed("MUNICIPAL")).isTrue();
    assertThat(on.hasEnvelope(2027, "MUNICIPAL")).isTrue();
  }

  @Test
  void aYearsActOverridesTheAmountThePeriodAndTheBasisAndKeepsTheRest() {
    MentoringProperties p = properties(false, Map.of());
    assertThat(p.rules(2027)).isEqualTo(DEFAULTS);
    Rules y2028 = p.rules(2028);
    assertThat(y2028.monthlyAmount()).isEqualByComparingTo("15000");
    assertThat(y2028.maxPlanMonths()).isEqualTo(12);
    assertThat(y2028.basis()).isEqualTo("закон Кузбасса 2028 года");
    assertThat(y2028.menteeAgeLimit()).isEqualTo(35);
  }
}
