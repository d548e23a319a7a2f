package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the programme offers beyond the selection, as letters name it: the training of reservists and
 * the community of idea authors. Sources: docs/processes/cadre-reserve.md.
 *
 * @param reservistTraining the training every reservist is offered, in the words letters print
 * @param communityName     the regional community that every idea author is invited to
 */
@ConfigurationProperties("cadre.programme")
public record CadreProgrammeProperties(List<String> reservistTraining, String communityName) {

  public CadreProgrammeProperties {
    if (reservistTraining == null || reservistTraining.isEmpty()) {
      throw new IllegalStateException("cadre.programme.reservist-training is not configured");
    }
    if (communityName == null || communityName.isBlank()) {
      throw new IllegalStateException("cadre.programme.community-name is not configured");
    }
    reservistTraining = List.copyOf(reservistTraining);
  }
}
