package ru.kuzbass.edu.workflows.support;

import org.operaton.bpm.engine.impl.util.ClockUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * The application's clock in process tests, moved together with the engine's ({@link ClockUtil}):
 * when a test moves time forward, the job executor finds the timers due and the application's
 * "today" moves with them. Both are the system time plus the same offset, so time still runs.
 */
public class EngineClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  @Override
  public ZoneId getZone() {
    return RegionTime.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ZonedView(this, zone);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  /** Moves the engine, and so the application, forward to the given moment. */
  public void advanceTo(OffsetDateTime moment) {
    Duration step = Duration.between(instant(), moment.toInstant());
    if (step.isNegative()) {
      throw new IllegalArgumentException("The engine is already past " + moment);
    }
    offset = offset.plus(step);
    ClockUtil.offset(offset.toMillis());
  }

  /** Back to the system time, as each test starts. */
  public void reset() {
    offset = Duration.ZERO;
    ClockUtil.reset();
  }

  private static final class ZonedView extends Clock {
    private final EngineClock source;
    private final ZoneId zone;

    ZonedView(EngineClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new ZonedView(source, other);
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }
}
