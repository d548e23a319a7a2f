package ru.kuzbass.edu.workflows.developmentroute;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The teacher's deficits: the competences the diagnosis of the year scored below the level
 * configured for that year ({@link DevelopmentRouteProperties#deficitBelow}); a score equal to the
 * level is not a deficit. What a route proposal develops.
 */
@Service
public class Deficits {

  private final Diagnoses diagnoses;
  private final DevelopmentRouteProperties properties;

  public Deficits(Diagnoses diagnoses, DevelopmentRouteProperties properties) {
    this.diagnoses = diagnoses;
    this.properties = properties;
  }

  /** The competences below the level, lowest score first. */
  public List<Competence> deficits(long personId, int year) {
    return diagnoses.scores(personId, year).stream().filter(s -> isDeficit(s, year)).map(Diagnoses.Score::competence).toList();
  }

  boolean isDeficit(Diagnoses.Score score, int year) {
    return score.score().compareTo(properties.deficitBelow(year)) < 0;
  }
}
