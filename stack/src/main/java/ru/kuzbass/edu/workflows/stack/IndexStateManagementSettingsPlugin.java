package ru.kuzbass.edu.workflows.stack;

import java.util.List;
import org.opensearch.common.settings.Setting;
import org.opensearch.plugins.Plugin;

/**
 * Declares the two index settings of OpenSearch's index-state-management plugin that Tasklist's
 * index templates carry. The embedded OpenSearch has no such plugin and would refuse the
 * templates ("unknown setting [index.plugins.index_state_management.policy_id]"); declaring the
 * settings is enough, since the local stack needs no index lifecycle.
 */
public class IndexStateManagementSettingsPlugin extends Plugin {

  @Override
  public List<Setting<?>> getSettings() {
    return List.of(
        Setting.simpleString("index.plugins.index_state_management.policy_id",
            Setting.Property.IndexScope, Setting.Property.Dynamic),
        Setting.boolSetting("index.plugins.index_state_management.auto_manage", false,
            Setting.Property.IndexScope, Setting.Property.Dynamic));
  }
}
