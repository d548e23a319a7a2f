package ru.kuzbass.edu.workflows.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** SNILS at rest: sealed with AES-GCM in MariaDB, found again by its blind index, re-sealed after a key rotation. */
@Tag("reliability")
class PersonalDataEncryptionTest extends ProcessTest {

  private static final String SNILS = "11223344595";
  private static final String OLD_KEY = "test1=" + base64("test-only-personal-data-key-0001");
  private static final String INDEX_KEY = base64("test-only-personal-data-index-key");

  @Autowired PersonService people;
  @Autowired PersonalDataRewrap rewrap;
  @Autowired TransactionTemplate transactions;

  @Test
  void snilsIsStoredSealedAndFoundAgainByItsIndex() {
    Person first = register("kuznetsova@example.ru");
    Map<String, Object> row = jdbc.sql("SELECT snils, snils_index FROM person WHERE id = ?").param(first.id()).query().singleRow();
    assertThat((String) row.get("snils")).startsWith("v1:test2:").doesNotContain(SNILS).doesNotContain("344595");
    assertThat((String) row.get("snils_index")).matches("[0-9a-f]{64}").isEqualTo(cipher.index(SNILS));
    assertThat(first.snils()).isEqualTo(SNILS);
    assertThat(people.get(first.id()).snils()).isEqualTo(SNILS);

    // the same person applying again keeps the id; a fresh IV makes the stored value differ
    Person again = register("new-address@example.ru");
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT snils FROM person").query(String.class).single()).isNotEqualTo(row.get("snils"));
  }

  @Test
  void valuesInClearOrUnderARetiredKeyAreResealedWithTheActiveKey() {
    PersonalDataCipher retired = new PersonalDataCipher(new PersonalDataCipher.Keys(OLD_KEY, INDEX_KEY));
    long legacy = insertRaw("07654330300", null); // from before encryption: clear text, no index
    long rotated = insertRaw(retired.seal(PersonService.SNILS, "20030040048"), retired.index("20030040048"));

    assertThat(rewrap.run()).isEqualTo(2);
    assertThat(rewrap.run()).as("once only").isZero();
    for (long id : new long[] {legacy, rotated}) {
      assertThat(jdbc.sql("SELECT snils FROM person WHERE id = ?").param(id).query(String.class).single()).startsWith("v1:test2:");
    }
    assertThat(people.get(legacy).snils()).isEqualTo("07654330300");
    assertThat(people.get(rotated).snils()).isEqualTo("20030040048");
    assertThat(jdbc.sql("SELECT snils_index FROM person WHERE id = ?").param(legacy).query(String.class).single())
        .isEqualTo(cipher.index("07654330300"));
  }

  @Test
  void anAlteredOrMovedValueDoesNotOpen() {
    Person p = register("kuznetsova@example.ru");
    String sealed = jdbc.sql("SELECT snils FROM person WHERE id = ?").param(p.id()).query(String.class).single();
    int middle = sealed.length() / 2; // inside the ciphertext
    char flipped = sealed.charAt(middle) == 'A' ? 'B' : 'A';
    jdbc.sql("UPDATE person SET snils = ? WHERE id = ?")
        .params(sealed.substring(0, middle) + flipped + sealed.substring(middle + 1), p.id()).update();
    assertThatThrownBy(() -> people.get(p.id())).hasMessageContaining("does not open");

    // sealed for another column: the associated data differs
    jdbc.sql("UPDATE person SET snils = ? WHERE id = ?").params(cipher.seal("teacher.note", SNILS), p.id()).update();
    assertThatThrownBy(() -> people.get(p.id())).hasMessageContaining("does not open");
  }

  @Test
  void personalDataInALogMessageIsMasked(CapturedOutput output) {
    LoggerFactory.getLogger(PersonalDataEncryptionTest.class).warn("Rejected request: snils=112-233-445 95, passport 3214 567890, phone +7 913 555-12-34");
    assertThat(output.getOut()).contains("Rejected request: snils=***, passport ***, phone ***")
        .doesNotContain("112-233-445", "567890", "555-12-34");
  }

  @Test
  void aMissingOrShortKeyStopsTheStartWithItsName() {
    assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataCipher.Keys("", INDEX_KEY))).hasMessageContaining("WORKFLOWS_PD_KEYS");
    assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataCipher.Keys("k=" + base64("short"), INDEX_KEY)))
        .hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataCipher.Keys(OLD_KEY, null))).hasMessageContaining("WORKFLOWS_PD_INDEX_KEY");
    assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataCipher.Keys(OLD_KEY, INDEX_KEY)).open(PersonService.SNILS,
        cipher.seal(PersonService.SNILS, SNILS))).hasMessageContaining("key 'test2', which is not configured");
  }

  private Person register(String email) {
    return transactions.execute(status -> people.register(
        new PersonDetails(SNILS, "Кузнецова", "Анна", "Сергеевна", LocalDate.parse("1994-05-17"), email, "+79135551234")));
  }

  private long insertRaw(String snils, String index) {
    jdbc.sql("""
            INSERT INTO person (snils, snils_index, surname, given_name, birth_date, email, phone, created_at, updated_at)
            VALUES (?, ?, 'Петров', 'Пётр', '1980-01-01', 'p@example.ru', '+79130000000', NOW(3), NOW(3))""").params(snils, index).update();
    return jdbc.sql("SELECT MAX(id) FROM person").query(Long.class).single();
  }

  private static String base64(String key) {
    return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }
}
