package ru.kuzbass.edu.workflows.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.variable.Variables;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import ru.kuzbass.edu.workflows.WorkflowsApplication;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * P1's ceiling: the packaged application with every handler of {@code rural-teacher-grant} (its
 * steps and the audit listeners) replaced by one that does nothing, so that what is left is the
 * engine running the same BPMN and DMN on the same database, behind the same REST API. The
 * benchmark starts it from the workers jar with this class added ({@code loader.path}).
 *
 * <p>The eligibility step's stand-in sets facts that pass the table, and the scheduling step's a
 * first confirmation a year away, so a case takes the same path as in the real run.
 */
public final class NoOpStepsApplication {
  private NoOpStepsApplication() {}

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(WorkflowsApplication.class);
    application.addInitializers(context -> context.addBeanFactoryPostProcessor(new NoOpHandlers()));
    application.run(args);
  }

  /**
   * Puts the no-op handlers in place of the real ones, under the names the model calls, once the
   * configuration classes have registered the real ones.
   */
  static final class NoOpHandlers implements BeanFactoryPostProcessor {
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
      JavaDelegate nothing = execution -> {};
      replace(registry, "loadEligibilityFacts", JavaDelegate.class, () -> NoOpHandlers::passingFacts);
      replace(registry, "scheduleConfirmation", JavaDelegate.class, () -> NoOpHandlers::firstConfirmation);
      replace(registry, "takeVacancyPlace", JavaDelegate.class, () -> execution -> execution.setVariable("vacancyPlaceTaken", true));
      for (String step : List.of("sendLetter", "recordGrantPayment", "requestDocuments", "demandRefund")) {
        replace(registry, step, JavaDelegate.class, () -> nothing);
      }
      replace(registry, "auditUserTask", TaskListener.class, () -> task -> {});
      for (String listener : List.of("auditDecision", "auditCaseClosed")) {
        replace(registry, listener, ExecutionListener.class, () -> execution -> {});
      }
    }

    private static <T> void replace(BeanDefinitionRegistry registry, String name, Class<T> type, Supplier<T> handler) {
      registry.removeBeanDefinition(name);
      registry.registerBeanDefinition(name, new RootBeanDefinition(type, handler));
    }

    private static void passingFacts(org.operaton.bpm.engine.delegate.DelegateExecution execution) {
      LocalDate today = RegionTime.today(java.time.Clock.systemUTC());
      execution.setVariables(Map.of("settlementType", "URBAN_TYPE_SETTLEMENT", "settlementPopulation", 9800, "vacancyListed", true,
          "applicantAge", 32, "weeklyLoadHours", 22, "submittedOn", today.toString(), "maxPopulation", 50000, "minWeeklyLoadHours", 18,
          "obligationYears", 5));
      execution.setVariable("relocationRule", "DIFFERENT_SETTLEMENT");
      execution.setVariable("sameSettlement", false);
      execution.setVariable("ageLimit", null); // no age limit, as by default
      execution.setVariable("windowStart", today.withDayOfYear(1).toString());
      execution.setVariable("windowEnd", today.withDayOfYear(today.lengthOfYear()).toString());
      execution.setVariable("allowedSettlementTypes", Variables.untypedValue(List.of("VILLAGE", "URBAN_TYPE_SETTLEMENT"), true));
    }

    private static void firstConfirmation(org.operaton.bpm.engine.delegate.DelegateExecution execution) {
      execution.setVariable("confirmationYear", 1);
      execution.setVariable("confirmationDueAt", RegionTime.startOfDay(RegionTime.today(java.time.Clock.systemUTC()).plusYears(1)).toString());
    }
  }
}
