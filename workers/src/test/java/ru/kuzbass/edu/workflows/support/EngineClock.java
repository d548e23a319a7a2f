package ru.kuzbass.edu.workflows.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * The application's clock in process tests: it follows the in-memory engine's time, so when a
 * test advances the engine (and its timers fire), the application's "today" moves with it. The
 * embedded Operaton engine's clock ({@link ClockUtil}) is moved by the same offset, so its job
 * executor finds the timers due. The
 * engine's clock is the system time plus every {@code increaseTime} since it started, and it
 * offers no getter in 8.6, so this clock keeps the same sum.
 */
public class EngineClock extends Clock {

  private final ZeebeTestEngine engine;
  private volatile Duration offset = Duration.ZERO;

  public EngineClock(ZeebeTestEngine engine) {
    this.engine = engine;
  }

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
    engine.increaseTime(step);
    offset = offset.plus(step);
    ClockUtil.offset(offset.toMillis());
  }

  /** Each test runs on a new engine, whose clock starts at the system time. */
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
