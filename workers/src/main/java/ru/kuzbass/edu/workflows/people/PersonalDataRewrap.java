package ru.kuzbass.edu.workflows.people;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the workers and the API take work, seals every SNILS not sealed with the
 * active key: clear values from before encryption (migration V11) and values sealed with a key
 * that has since been rotated out of first place. A batch is one short transaction per row, so a
 * crash half-way leaves every row either old or new, both readable, and the next start goes on.
 */
@Component
public class PersonalDataRewrap implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRewrap.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  private record Row(long id, String snils) {}

  public PersonalDataRewrap(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void afterPropertiesSet() {
    int total = run();
    if (total > 0) {
      log.info("Sealed {} SNILS values with personal-data key '{}'", total, cipher.activeKey());
    }
  }

  /** Re-seals what is not under the active key; returns how many rows it changed. */
  public int run() {
    String current = "v1:" + cipher.activeKey() + ":%";
    int total = 0;
    long after = 0;
    while (true) {
      List<Row> rows = jdbc.sql("SELECT id, snils FROM person WHERE snils IS NOT NULL AND snils NOT LIKE ? AND id > ? ORDER BY id LIMIT ?")
          .params(current, after, BATCH).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).list();
      if (rows.isEmpty()) {
        return total;
      }
      for (Row row : rows) {
        String plain = row.snils().startsWith("v1:") ? cipher.open(PersonService.SNILS, row.snils()) : row.snils();
        // only if nobody changed it meanwhile: a value registered since is already current
        total += jdbc.sql("UPDATE person SET snils = ?, snils_index = ? WHERE id = ? AND snils = ?")
            .params(cipher.seal(PersonService.SNILS, plain), cipher.index(plain), row.id(), row.snils()).update();
        after = row.id();
      }
    }
  }
}
