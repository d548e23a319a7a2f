package ru.kuzbass.edu.workflows;

import io.camunda.zeebe.spring.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The workers application. On start-up it deploys every model and form that the build packaged
 * from the project's {@code processes/} and {@code forms/} folders, in one deployment, so a
 * user task never links a form that the engine does not know yet.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = {
    "classpath*:/processes/**/*.bpmn",
    "classpath*:/processes/**/*.dmn",
    "classpath*:/forms/**/*.form"})
public class WorkflowsApplication {
  public static void main(String[] args) {
    SpringApplication.run(WorkflowsApplication.class, args);
  }
}
