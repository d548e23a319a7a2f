package ru.kuzbass.edu.workflows.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PersonService {

  private final PersonRepository people;
  private final Clock clock;

  public PersonService(PersonRepository people, Clock clock) {
    this.people = people;
    this.clock = clock;
  }

  /**
   * Records the person by SNILS: a returning person keeps their id and gets the newest contact
   * details. Runs inside the caller's transaction, so a rejected intake writes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Person register(PersonDetails d) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    Person existing = people.findBySnils(d.snils()).orElse(null);
    Person person = new Person(
        existing == null ? null : existing.id(),
        d.snils(), d.surname(), d.givenName(), d.patronymic(), d.birthDate(), d.email(), d.phone(),
        existing == null ? now : existing.createdAt(), now);
    return people.save(person);
  }

  public Person get(long id) {
    return people.findById(id).orElseThrow(() -> new NoSuchElementException("No person with id " + id));
  }
}
