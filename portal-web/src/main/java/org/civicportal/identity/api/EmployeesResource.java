package org.civicportal.identity.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.civicportal.identity.boundary.Employees;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Employees of the tenant, for its tenant admins. A clearance is a marking without releasability,
 * e.g. {@code SECRET//ALPHA}; roles are {@code agency-editor}, {@code agency-reviewer}, {@code
 * case-worker}, {@code declassifier}, {@code tenant-admin}, {@code auditor}.
 */
@Path("employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployeesResource {
  @Inject Employees employees;
  @Inject CurrentSubject subjects;

  @POST
  @Operation(summary = "Create an employee with a clearance and roles (tenant admins)")
  public Response create(NewEmployee request, @Context UriInfo uri) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException("body", "Send {username, password, clearance, roles}.");
    }
    Account created =
        employees.create(
            request.username(),
            request.password(),
            request.clearance(),
            request.nationality(),
            request.roles(),
            request.agencies());
    return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
        .entity(EmployeeView.of(created))
        .build();
  }

  @PUT
  @Path("{username}")
  @Operation(summary = "Change an employee's clearance and roles (tenant admins; audited)")
  public EmployeeView change(@PathParam("username") String username, EmployeeChange request) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException("body", "Send {clearance, roles}.");
    }
    return employees
        .change(username, request.clearance(), request.roles(), request.agencies())
        .map(EmployeeView::of)
        .orElseThrow(() -> new NotFoundException("No employee '" + username + "'."));
  }

  private void requireSignedIn() {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException("Sign in as a tenant admin.", "Basic realm=\"civic\"");
    }
  }

  /** A new employee as an admin sends it. */
  public record NewEmployee(
      String username,
      String password,
      String clearance,
      String nationality,
      Set<String> roles,
      Set<String> agencies) {}

  /** New clearance and roles for an employee. */
  public record EmployeeChange(String clearance, Set<String> roles, Set<String> agencies) {}

  /** An employee as the API shows it (never the password hash). */
  public record EmployeeView(
      String username,
      int clearanceLevel,
      Set<String> compartments,
      Set<String> roles,
      Set<String> agencies) {
    static EmployeeView of(Account a) {
      return new EmployeeView(
          a.username(),
          a.clearanceLevel(),
          a.compartments(),
          a.roles().stream().map(Role::external).collect(java.util.stream.Collectors.toSet()),
          a.agencies());
    }
  }
}
