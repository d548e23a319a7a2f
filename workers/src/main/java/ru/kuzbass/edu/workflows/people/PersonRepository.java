package ru.kuzbass.edu.workflows.people;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

public interface PersonRepository extends CrudRepository<Person, Long> {
  Optional<Person> findBySnilsIndex(String snilsIndex);
}
