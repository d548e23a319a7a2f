package ru.kuzbass.edu.workflows.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps named form fields out of the engine's history. A Tasklist form hands every field to the
 * engine as a variable, and at history level {@code full} the engine records every value a variable
 * takes, for good. A field whose text may name people (a free answer, a mentor's name) is moved to
 * the case's table by the task's complete listener, which removes the variable; this handler makes
 * sure none of its values reaches ACT_HI_VARINST or ACT_HI_DETAIL either. The names are declared by
 * the processes ({@link Fields}) and must be unique to them: the handler matches by name only.
 */
@Component
public class TextKeptOutOfHistory extends AbstractProcessEnginePlugin {

  /** Form fields of a process that never enter the engine's history. */
  public interface Fields {
    Set<String> names();
  }

  private final Set<String> names;

  TextKeptOutOfHistory(List<Fields> fields) {
    this.names = fields.stream().flatMap(f -> f.names().stream()).collect(Collectors.toUnmodifiableSet());
  }

  /** Before init, so that the engine builds its history handler from the list set here, in place of the default one. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filtering(new DbHistoryEventHandler(), names));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  static final class Filtering implements HistoryEventHandler {
    private final HistoryEventHandler database;
    private final Set<String> names;

    Filtering(HistoryEventHandler database, Set<String> names) {
      this.database = database;
      this.names = names;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricVariableUpdateEventEntity variable && names.contains(variable.getVariableName()))) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
