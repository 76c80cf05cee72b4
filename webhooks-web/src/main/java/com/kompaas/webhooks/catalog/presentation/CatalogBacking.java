package com.kompaas.webhooks.catalog.presentation;

import com.kompaas.webhooks.catalog.boundary.Catalog;
import com.kompaas.webhooks.catalog.boundary.CatalogGroup;
import com.kompaas.webhooks.catalog.control.EventTypeDraft;
import com.kompaas.webhooks.catalog.control.InvalidCatalogEntryException;
import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.catalog.entity.ParameterType;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.PrimeFaces;

/**
 * The operator's catalogue page: groups, types and parameters, and the editor that adds a type or
 * changes one. The rules live in {@code CatalogEntryRules}; this bean only holds what is typed.
 */
@Named
@ViewScoped
public class CatalogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Catalog catalog;

  private transient List<CatalogGroup> groups;
  private transient Map<String, Long> subscriptions;

  private final Editor editor = new Editor();

  public List<CatalogGroup> getGroups() {
    if (groups == null) {
      groups = catalog.groups();
    }
    return groups;
  }

  public List<EventGroup> getGroupChoices() {
    return getGroups().stream().map(CatalogGroup::group).toList();
  }

  public ParameterType[] getParameterTypes() {
    return ParameterType.values();
  }

  /** Webhooks (all accounts) subscribed to the type. */
  public long subscriptions(String code) {
    if (subscriptions == null) {
      subscriptions = catalog.subscriptionCounts();
    }
    return subscriptions.getOrDefault(code, 0L);
  }

  public void startNew(EventGroup group) {
    editor.creating = true;
    editor.code = group == null ? "" : group.getCode() + ".";
    editor.groupCode = group == null ? null : group.getCode();
    editor.label = "";
    editor.description = "";
    CatalogGroup in =
        getGroups().stream().filter(g -> g.group().equals(group)).findFirst().orElse(null);
    editor.position =
        in == null ? 10 : in.types().stream().mapToInt(EventType::getPosition).max().orElse(0) + 10;
    editor.parameters = new ArrayList<>();
    editor.parameters.add(
        new Row(
            "eventId",
            ParameterType.STRING,
            ConsoleText.get("catalog.defaultParameter"),
            "evt_7f3a9c2e"));
    editor.rowErrors.clear();
  }

  public void startEdit(EventType type) {
    editor.creating = false;
    editor.code = type.getCode();
    editor.groupCode = type.getGroup().getCode();
    editor.label = type.getLabel();
    editor.description = type.getDescription();
    editor.position = type.getPosition();
    editor.parameters = new ArrayList<>();
    for (EventParameter p : type.getParameters()) {
      editor.parameters.add(new Row(p.getName(), p.getType(), p.getDescription(), p.getExample()));
    }
    editor.rowErrors.clear();
  }

  public void addParameter() {
    editor.parameters.add(new Row("", ParameterType.STRING, "", ""));
  }

  public void removeParameter(Row row) {
    editor.parameters.remove(row);
    editor.rowErrors.clear();
  }

  public void moveUp(Row row) {
    int i = editor.parameters.indexOf(row);
    if (i > 0) {
      editor.parameters.remove(i);
      editor.parameters.add(i - 1, row);
    }
  }

  public void save() {
    editor.rowErrors.clear();
    try {
      EventType saved = catalog.save(editor.draft(), editor.creating);
      ConsoleText.info(editor.creating ? "catalog.added" : "catalog.saved", saved.getCode());
      groups = null;
      subscriptions = null;
      PrimeFaces.current().executeScript("PF('typeEditor').hide()");
    } catch (InvalidCatalogEntryException e) {
      e.errors().forEach(this::show);
      PrimeFaces.current().ajax().addCallbackParam("invalid", true);
    }
  }

  /** A message beside its field; a parameter's go under its row. */
  private void show(FieldError error) {
    String field = error.field();
    if (field.startsWith("parameters[")) {
      int row = Integer.parseInt(field.substring("parameters[".length(), field.indexOf(']')));
      editor.rowErrors.computeIfAbsent(row, r -> new ArrayList<>()).add(ConsoleText.of(error));
      return;
    }
    String target =
        switch (field) {
          case "code", "group", "label", "description", "position" -> "editor:" + field;
          default -> "editor:parametersPanel";
        };
    ConsoleText.add(target, FacesMessage.SEVERITY_ERROR, ConsoleText.of(error));
  }

  public Editor getEditor() {
    return editor;
  }

  /** What the editor dialog shows and the operator types. */
  public static class Editor implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean creating;
    private String code;
    private String groupCode;
    private String label;
    private String description;
    private int position;
    private List<Row> parameters = new ArrayList<>();
    private final Map<Integer, List<String>> rowErrors = new TreeMap<>();

    EventTypeDraft draft() {
      return new EventTypeDraft(
          code,
          groupCode,
          label,
          description,
          position,
          parameters.stream().map(Row::draft).toList());
    }

    public List<String> errorsOf(int row) {
      return rowErrors.getOrDefault(row, List.of());
    }

    public boolean isCreating() {
      return creating;
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getGroupCode() {
      return groupCode;
    }

    public void setGroupCode(String groupCode) {
      this.groupCode = groupCode;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public int getPosition() {
      return position;
    }

    public void setPosition(int position) {
      this.position = position;
    }

    public List<Row> getParameters() {
      return parameters;
    }
  }

  /** One parameter row of the editor. */
  public static class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private ParameterType type;
    private String description;
    private String example;

    Row(String name, ParameterType type, String description, String example) {
      this.name = name;
      this.type = type;
      this.description = description;
      this.example = example;
    }

    EventTypeDraft.Parameter draft() {
      return new EventTypeDraft.Parameter(
          name, type == null ? null : type.name(), description, example);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public ParameterType getType() {
      return type;
    }

    public void setType(ParameterType type) {
      this.type = type;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getExample() {
      return example;
    }

    public void setExample(String example) {
      this.example = example;
    }
  }
}
