package ru.kuzbass.edu.workflows.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The region's time. Kuzbass runs in Asia/Novokuznetsk (UTC+7); a deadline "by 30 April" ends
 * at the end of that day there. Everything that asks for "today" takes the {@link Clock} bean,
 * which tests replace with the engine's clock.
 */
@Configuration(proxyBeanMethods = false)
public class RegionTime {

  public static final String ZONE_ID = "Asia/Novokuznetsk";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }

  /** The last instant of the given day, local time: 23:59:59 in the region. */
  public static OffsetDateTime endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toOffsetDateTime();
  }

  public static OffsetDateTime startOfDay(LocalDate day) {
    return day.atStartOfDay(ZONE).toOffsetDateTime();
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
