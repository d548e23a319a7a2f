package ru.kuzbass.edu.workflows.engine;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;

/**
 * A step that failed because its input is wrong (an {@link InvalidInputException}: a start form
 * with a missing field, a second case for the same school and year) raises its incident at once:
 * trying again cannot help, and the officer should see the message now rather than after the whole
 * back-off. Every other failure keeps its retries ({@code workflows.jobs.retry-intervals}).
 */
@Component
class InvalidInputFailsAtOnce extends AbstractProcessEnginePlugin {

  /** After init, so that it replaces the factory the Spring Boot starter sets before it. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(RetryUnlessInvalidInput::new);
  }

  static class RetryUnlessInvalidInput extends DefaultJobRetryCmd {

    RetryUnlessInvalidInput(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (!causedByInvalidInput(exception)) {
        return super.execute(commandContext);
      }
      JobEntity job = getJob();
      if (job != null) {
        job.unlock();
        logException(job);
        // from a positive count to 0 the engine raises the incident, with the exception's message
        job.setRetries(0);
        notifyAcquisition(commandContext);
      }
      return null;
    }

    private static boolean causedByInvalidInput(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof InvalidInputException) {
          return true;
        }
      }
      return false;
    }
  }
}
