package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bank of project ideas as HR officers and the reserve's experts read it: each idea's title and
 * season, and its author's name only where the author agreed to it when uploading the idea. The idea
 * letter promises exactly this ({@link CadreLetters#idea}).
 */
@Repository
public class IdeaBank {

  private final JdbcClient jdbc;

  public IdeaBank(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code author} is null where the author did not consent. */
  public record Idea(int season, String title, String author) {}

  /** {@code season} may be null for every season. */
  public List<Idea> list(Integer season) {
    return jdbc.sql("""
            SELECT c.season, i.title, IF(i.author_consent, CONCAT_WS(' ', p.surname, p.given_name, p.patronymic), NULL) AS author
            FROM cadre_idea i JOIN cadre_candidate c ON c.id = i.candidate_id JOIN person p ON p.id = c.person_id
            WHERE ? IS NULL OR c.season = ?
            ORDER BY c.season, i.uploaded_at, c.id""")
        .params(season, season)
        .query((rs, i) -> new Idea(rs.getInt("season"), rs.getString("title"), rs.getString("author")))
        .list();
  }
}
