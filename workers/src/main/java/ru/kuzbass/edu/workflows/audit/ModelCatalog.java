package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the deployed models say about their steps, read from the same packaged files that are
 * deployed: which form a user task shows (so the audit keeps exactly that form's fields) and which
 * decision a business rule task calls.
 */
@Component
public class ModelCatalog {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  public record CalledDecision(String decisionId, String resultVariable) {}

  private final Map<String, List<String>> formFieldsOfTask = new HashMap<>();
  private final Map<String, CalledDecision> decisionOfTask = new HashMap<>();

  public ModelCatalog(ObjectMapper json) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, List<String>> formFields = new HashMap<>();
    for (Resource form : resolver.getResources("classpath*:/forms/**/*.form")) {
      try (InputStream in = form.getInputStream()) {
        JsonNode tree = json.readTree(in);
        List<String> keys = new ArrayList<>();
        collectKeys(tree.path("components"), keys);
        formFields.put(tree.path("id").asText(), keys);
      }
    }
    for (Resource bpmn : resolver.getResources("classpath*:/processes/**/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = bpmn.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        // a model already moved to Operaton links its form by camunda:formRef
        String formId = form != null ? form.getFormId() : task.getAttributeValueNs(CAMUNDA_NS, "formRef");
        formFieldsOfTask.put(key(processOf(task), task.getId()), formId == null ? List.of() : formFields.getOrDefault(formId, List.of()));
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
        // a model already moved to Operaton names its table by camunda:decisionRef; its result is mapped by the task
        String operatonDecision = task.getAttributeValueNs(CAMUNDA_NS, "decisionRef");
        if (called != null) {
          decisionOfTask.put(key(processOf(task), task.getId()), new CalledDecision(called.getDecisionId(), called.getResultVariable()));
        } else if (operatonDecision != null) {
          decisionOfTask.put(key(processOf(task), task.getId()), new CalledDecision(operatonDecision, null));
        }
      }
    }
  }

  /** The keys of the fields of the form the user task links; empty for an unknown task. */
  public List<String> formFields(String bpmnProcessId, String elementId) {
    return formFieldsOfTask.getOrDefault(key(bpmnProcessId, elementId), List.of());
  }

  public CalledDecision calledDecision(String bpmnProcessId, String elementId) {
    CalledDecision called = decisionOfTask.get(key(bpmnProcessId, elementId));
    if (called == null) {
      throw new IllegalStateException("No packaged model has a business rule task " + elementId + " in " + bpmnProcessId);
    }
    return called;
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      collectKeys(c.path("components"), keys);
    }
  }

  private static String processOf(FlowElement element) {
    ModelElementInstance scope = element.getParentElement();
    while (!(scope instanceof Process)) {
      scope = scope.getParentElement();
    }
    return ((Process) scope).getId();
  }

  private static String key(String bpmnProcessId, String elementId) {
    return bpmnProcessId + "/" + elementId;
  }
}
