package org.civicportal.problem.boundary;

/**
 * Input a boundary refuses, naming the parameter at fault so the caller can be told what to fix
 * (REST maps it to a 400 problem, pages to a message next to the field).
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidInputException(String parameter, String detail) {
    super(detail);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
