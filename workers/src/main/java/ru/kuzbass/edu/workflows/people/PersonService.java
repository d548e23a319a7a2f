package ru.kuzbass.edu.workflows.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps persons; SNILS goes to the database sealed and comes back in clear. */
@Service
public class PersonService {

  /** The column SNILS is sealed for: bound into the ciphertext, so it opens only there. */
  public static final String SNILS = "person.snils";

  private final PersonRepository people;
  private final PersonalDataCipher cipher;
  private final Clock clock;

  public PersonService(PersonRepository people, PersonalDataCipher cipher, Clock clock) {
    this.people = people;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * Records the person by SNILS: a returning person keeps their id and gets the newest contact
   * details. Runs inside the caller's transaction, so a rejected intake writes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Person register(PersonDetails d) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    String index = cipher.index(d.snils());
    Person existing = people.findBySnilsIndex(index).orElse(null);
    Person person = new Person(
        existing == null ? null : existing.id(),
        cipher.seal(SNILS, d.snils()), index, d.surname(), d.givenName(), d.patronymic(), d.birthDate(), d.email(), d.phone(),
        existing == null ? now : existing.createdAt(), now);
    return people.save(person).withSnils(d.snils());
  }

  public Person get(long id) {
    Person stored = people.findById(id).orElseThrow(() -> new NoSuchElementException("No person with id " + id));
    return stored.withSnils(cipher.open(SNILS, stored.snils()));
  }
}
