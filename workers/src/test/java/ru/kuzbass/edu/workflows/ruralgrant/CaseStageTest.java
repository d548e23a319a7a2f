package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.operaton.bpm.model.bpmn.instance.ReceiveTask;
import org.operaton.bpm.model.bpmn.instance.Task;

/** Every element a case can wait in, as packaged, names a stage, so the status page never meets one it cannot tell. */
class CaseStageTest {

  @Test
  void everyWaitStateOfTheModelHasAStage() throws Exception {
    BpmnModelInstance model;
    try (InputStream in = getClass().getResourceAsStream("/processes/rural-teacher-grant/rural-teacher-grant.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
    List<FlowNode> waits = new ArrayList<>();
    // user and receive tasks wait for people and messages; service tasks are async and wait as jobs
    waits.addAll(model.getModelElementsByType(Task.class));
    waits.addAll(model.getModelElementsByType(IntermediateCatchEvent.class));
    assertThat(waits).extracting(FlowNode::getId).contains("Task_TakeVacancyPlace", "Task_AwaitDocuments", "Event_ConfirmationDue");
    assertThat(waits).allSatisfy(node -> assertThat(CaseStage.at(List.of(node.getId()))).as(node.getId()).isPresent());
    assertThat(waits).filteredOn(node -> node instanceof ReceiveTask).extracting(node -> CaseStage.at(List.of(node.getId())).orElseThrow())
        .containsOnly(CaseStage.DOCUMENTS_REQUESTED);
  }
}
