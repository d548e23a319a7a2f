package ru.kuzbass.edu.workflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The workers application, with the embedded engine; {@link ru.kuzbass.edu.workflows.engine.ModelDeployer} deploys the models on start-up. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WorkflowsApplication {
  public static void main(String[] args) {
    SpringApplication.run(WorkflowsApplication.class, args);
  }
}
