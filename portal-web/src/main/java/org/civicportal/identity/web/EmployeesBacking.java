package org.civicportal.identity.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.identity.boundary.Employees;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.Role;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;

/**
 * {@code /staff/employees} and {@code /staff/employee?username=}: tenant admins list the tenant's
 * employees, create one with a clearance, nationality, roles and agencies, and change an employee's
 * clearance, roles and agencies. A clearance above the admin's own is refused with a message next
 * to the field, and nothing typed is lost.
 */
@Named
@ViewScoped
public class EmployeesBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<Role> GRANTABLE =
      EnumSet.complementOf(EnumSet.of(Role.CITIZEN, Role.EMPLOYEE));

  @Inject Employees employees;
  @Inject PublicServices catalogue;
  @Inject StaffAccess access;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String clearance;
  private String nationality;
  private List<String> roles = new ArrayList<>();
  private List<String> agencies = new ArrayList<>();
  private boolean existing;

  /** The list page, and the form for a new employee. */
  public void loadList() throws IOException {
    if (access.signedIn() && !access.isTenantAdmin()) {
      forbidden();
    }
  }

  /** The page of one employee, with the form filled in. */
  public void loadOne() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (!access.isTenantAdmin()) {
      forbidden();
      return;
    }
    Account employee = username == null ? null : employees.find(username).orElse(null);
    if (employee == null) {
      faces.getExternalContext().responseSendError(404, "No such employee");
      faces.responseComplete();
      return;
    }
    existing = true;
    clearance = employees.clearanceOf(employee);
    nationality = employee.nationality();
    roles =
        new ArrayList<>(
            employee.roles().stream().filter(GRANTABLE::contains).map(Role::external).toList());
    agencies = new ArrayList<>(employee.agencies());
  }

  private void forbidden() throws IOException {
    faces.getExternalContext().responseSendError(403, "Tenant admins only");
    faces.responseComplete();
  }

  public void create() throws IOException {
    try {
      Account created =
          employees.create(
              username,
              password,
              clearance,
              nationality,
              new TreeSet<>(roles),
              new TreeSet<>(agencies));
      faces.getExternalContext().getFlash().put("notice", text("employees.created"));
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/staff/employee?username="
                  + created.username());
    } catch (InvalidInputException e) {
      error(e.parameter(), e.getMessage());
    } catch (NotPermittedException e) {
      error(null, e.getMessage());
    }
  }

  public void save() {
    try {
      employees.change(username, clearance, new TreeSet<>(roles), new TreeSet<>(agencies));
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, text("employees.saved"), null));
    } catch (InvalidInputException e) {
      error(e.parameter(), e.getMessage());
    } catch (NotPermittedException e) {
      error(null, e.getMessage());
    }
  }

  private void error(String parameter, String message) {
    String field =
        parameter == null
            ? null
            : switch (parameter) {
              case "username", "password", "clearance", "nationality", "roles", "agencies" ->
                  "employeeForm:" + parameter;
              default -> null;
            };
    faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private String text(String key) {
    return ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key);
  }

  public List<Account> getAll() {
    return employees.all();
  }

  public String clearanceOf(Account employee) {
    return employees.clearanceOf(employee);
  }

  public List<String> rolesOf(Account employee) {
    return employee.roles().stream().filter(GRANTABLE::contains).map(Role::external).toList();
  }

  public List<String> getRoleChoices() {
    return Arrays.stream(Role.values()).filter(GRANTABLE::contains).map(Role::external).toList();
  }

  public List<String> getAgencyChoices() {
    return catalogue.agencies().stream().map(PublicServices.Term::code).toList();
  }

  public String agencyName(String code) {
    return catalogue.agencies().stream()
        .filter(t -> t.code().equals(code))
        .findFirst()
        .map(t -> t.nameIn(language.getCode()))
        .orElse(code);
  }

  public boolean isExisting() {
    return existing;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getClearance() {
    return clearance;
  }

  public void setClearance(String clearance) {
    this.clearance = clearance;
  }

  public String getNationality() {
    return nationality;
  }

  public void setNationality(String nationality) {
    this.nationality = nationality;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public List<String> getAgencies() {
    return agencies;
  }

  public void setAgencies(List<String> agencies) {
    this.agencies = agencies == null ? new ArrayList<>() : new ArrayList<>(agencies);
  }
}
