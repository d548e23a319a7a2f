package ru.kuzbass.edu.workflows.developmentroute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The bank of educational events: imports by code (a code seen before updates its row), searches,
 * and gives the route proposal the events it may propose. An event is available while it has a
 * place left and has not ended (its last day counts, in the region's time).
 */
@Service
public class EventBank {

  /** The most events one page of a search holds. */
  public static final int MAX_PAGE_SIZE = 200;

  private static final String COLUMNS = """
      code, title, competence, kind, format, provider, starts_on, ends_on, hours, capacity, enrolled, municipality_code""";
  private static final String AVAILABLE = "(capacity IS NULL OR enrolled < capacity) AND (ends_on IS NULL OR ends_on >= ?)";

  private final JdbcClient jdbc;
  private final Clock clock;

  public EventBank(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A rule that an event breaks beyond its single fields: the field and the message. */
  record Fault(String field, String message) {}

  /** What is wrong with the event as a whole, if anything; its fields are valid one by one. */
  static Optional<Fault> fault(EducationEvent e) {
    if (e.endsOn() == null && e.kind() != EventKind.INFORMAL) {
      return Optional.of(new Fault("endsOn", "Укажите дату окончания: без неё может быть только информальное мероприятие"));
    }
    if (e.endsOn() != null && e.endsOn().isBefore(e.startsOn())) {
      return Optional.of(new Fault("endsOn", "Дата окончания раньше даты начала"));
    }
    if (e.capacity() != null && e.enrolled() != null && e.enrolled() > e.capacity()) {
      return Optional.of(new Fault("enrolled", "Записавшихся больше, чем мест"));
    }
    return Optional.empty();
  }

  /**
   * Stores the events, their fields valid one by one; returns how many. An event that breaks a rule
   * of {@link #fault} is refused as the field of the JSON list {@code events}, and nothing is stored.
   */
  @Transactional
  public int store(List<EducationEvent> events) {
    var now = UtcDateTime.toDb(clock.instant());
    for (int i = 0; i < events.size(); i++) {
      EducationEvent e = events.get(i);
      String at = "events[" + i + "].";
      fault(e).ifPresent(f -> {
        throw ApiProblem.badField(at + f.field(), f.message());
      });
      jdbc.sql("INSERT INTO education_event (" + COLUMNS + ", imported_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 0), ?, ?, ?)"
              + " ON DUPLICATE KEY UPDATE title = VALUES(title), competence = VALUES(competence), kind = VALUES(kind),"
              + " format = VALUES(format), provider = VALUES(provider), starts_on = VALUES(starts_on), ends_on = VALUES(ends_on),"
              + " hours = VALUES(hours), capacity = VALUES(capacity), enrolled = COALESCE(?, enrolled),"
              + " municipality_code = VALUES(municipality_code), updated_at = VALUES(updated_at)")
          .params(e.code(), e.title(), e.competence().name(), e.kind().name(), e.format(), e.provider(), e.startsOn(), e.endsOn(),
              e.hours(), e.capacity(), e.enrolled(), e.municipalityCode(), now, now, e.enrolled())
          .update();
    }
    return events.size();
  }

  /**
   * What a search asks for; every part may be left out. {@code from}–{@code to}: the event takes
   * place at least partly within those days. {@code q}: part of the title, the provider or the code.
   */
  public record Search(Competence competence, EventKind kind, LocalDate from, LocalDate to, String q, boolean available) {}

  public record Page(long total, int page, int size, List<EducationEvent> events) {}

  /** The events that match, by start date, then code; {@code page} counts from 0. */
  public Page search(Search search, int page, int size) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (search.competence() != null) {
      where.add("competence = ?");
      params.add(search.competence().name());
    }
    if (search.kind() != null) {
      where.add("kind = ?");
      params.add(search.kind().name());
    }
    if (search.to() != null) {
      where.add("starts_on <= ?");
      params.add(search.to());
    }
    if (search.from() != null) {
      where.add("(ends_on IS NULL OR ends_on >= ?)");
      params.add(search.from());
    }
    if (search.q() != null && !search.q().isBlank()) {
      where.add("(title LIKE ? OR provider LIKE ? OR code LIKE ?)");
      String like = "%" + search.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      params.addAll(List.of(like, like, like));
    }
    if (search.available()) {
      where.add(AVAILABLE);
      params.add(RegionTime.today(clock));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total = jdbc.sql("SELECT COUNT(*) FROM education_event" + filter).params(params).query(Long.class).single();
    List<Object> paged = new ArrayList<>(params);
    paged.addAll(List.of(size, (long) page * size));
    List<EducationEvent> events = jdbc.sql("SELECT " + COLUMNS + " FROM education_event" + filter
            + " ORDER BY starts_on, code LIMIT ? OFFSET ?")
        .params(paged).query(EducationEvent.class).list();
    return new Page(total, page, size, events);
  }

  /** An event of the bank with its row id, which a route's item refers to. */
  public record Listed(long id, EducationEvent event) {}

  private static final DataClassRowMapper<EducationEvent> EVENT = new DataClassRowMapper<>(EducationEvent.class);
  private static final RowMapper<Listed> LISTED = (rs, i) -> new Listed(rs.getLong("id"), EVENT.mapRow(rs, i));

  /**
   * The events of the competence that the route proposal may propose for the period: taking place
   * at least partly within it, with a place left and not ended today, by start date.
   */
  public List<EducationEvent> proposable(Competence competence, LocalDate from, LocalDate to) {
    return proposableListed(competence, from, to).stream().map(Listed::event).toList();
  }

  /** {@link #proposable}, with the events' row ids. */
  public List<Listed> proposableListed(Competence competence, LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT id, " + COLUMNS + " FROM education_event"
            + " WHERE competence = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?) AND " + AVAILABLE
            + " ORDER BY starts_on, code")
        .params(competence.name(), to, from, RegionTime.today(clock))
        .query(LISTED).list();
  }

  /** The event of this code, whether or not it is available; empty when the bank has no such code. */
  public Optional<Listed> byCode(String code) {
    return jdbc.sql("SELECT id, " + COLUMNS + " FROM education_event WHERE code = ?").params(code).query(LISTED).optional();
  }

  /** Whether the event has a place left and has not ended today (its last day counts, in the region's time). */
  public boolean isAvailable(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM education_event WHERE id = ? AND " + AVAILABLE).params(id, RegionTime.today(clock))
        .query(Integer.class).single() > 0;
  }

  /**
   * Takes a place on the event for a teacher enrolled from a route; false, taking none, when the event
   * is full. The event's row stays locked until the caller's transaction ends, so that two
   * enrolments at once cannot both take the last place.
   */
  boolean takePlace(long id) {
    boolean full = jdbc.sql("SELECT capacity IS NOT NULL AND enrolled >= capacity FROM education_event WHERE id = ? FOR UPDATE").params(id)
        .query(Boolean.class).single();
    if (full) {
      return false;
    }
    jdbc.sql("UPDATE education_event SET enrolled = enrolled + 1, updated_at = ? WHERE id = ?")
        .params(UtcDateTime.toDb(clock.instant()), id).update();
    return true;
  }
}
