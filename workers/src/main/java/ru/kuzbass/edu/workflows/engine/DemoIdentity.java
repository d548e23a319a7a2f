package ru.kuzbass.edu.workflows.engine;

import java.util.List;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's Tasklist and Cockpit log-ins, in the engine's identity service: {@code demo} (also the
 * engine's administrator, {@code operaton.bpm.admin-user} in application-demo.yml) and {@code act},
 * both in every group that the models name, so that one person can walk a case through and two can
 * show the four-eyes approvals; and {@code auditor}, who reads cases in Cockpit. Local stack only
 * (profile {@code demo}); a real installation takes its people from its own directory.
 */
@Component
@Profile("demo")
class DemoIdentity {

  /** The candidate groups of the models, with their names in Tasklist. */
  static final List<List<String>> WORK_GROUPS = List.of(
      List.of("hr-officers", "Кадровая служба"),
      List.of("grant-commission", "Комиссия по выплатам «Земский учитель»"),
      List.of("school-heads", "Руководители школ"),
      List.of("budget-officers", "Бюджетный отдел"),
      List.of("school-coordinators", "Координаторы в школах"),
      List.of("municipal-curators", "Муниципальные кураторы"),
      List.of("cadre-coordinators", "Координаторы кадрового резерва"),
      List.of("cadre-experts", "Эксперты кадрового резерва"),
      List.of("municipal-education-officers", "Муниципальные органы управления образованием"),
      List.of("mentors", "Наставники"),
      List.of("regional-methodists", "Региональные методисты"),
      List.of("award-commission", "Комиссия по наградам за подготовку победителей олимпиады"),
      List.of("school-methodists", "Методисты школ"),
      List.of("social-support-officers", "Специалисты по социальной поддержке"));
  static final String AUDITORS = "auditors";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  DemoIdentity(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    user("demo", "demo", "Демо", "Пользователь");
    user("act", "act", "Второй", "Сотрудник");
    user("auditor", "auditor", "Аудитор", "Демо");
    for (List<String> g : WORK_GROUPS) {
      group(g.get(0), g.get(1));
      member("demo", g.get(0));
      member("act", g.get(0));
      grant(g.get(0), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(g.get(0), Resources.FILTER, "*", Permissions.READ);
      // the task's History tab in Tasklist reads the process's history
      grant(g.get(0), Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
    }
    group(AUDITORS, "Аудиторы");
    member("auditor", AUDITORS);
    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
    grant(AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
  }

  private void user(String id, String password, String firstName, String lastName) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setPassword(password);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@edu.kuzbass.example");
    identity.saveUser(user);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identity.saveGroup(group);
  }

  private void member(String user, String group) {
    if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
      identity.createMembership(user, group);
    }
  }

  /** Adds the permissions to the group's grant on the resource; a second grant row on it would break a unique key. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizations.saveAuthorization(auth);
  }
}
