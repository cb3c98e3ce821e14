package org.civicportal.classification.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The banner syntax of labels: {@code LEVEL[//COMP1/COMP2][//NOFORN | //REL TO OWNER, OTHER]}.
 * Output is canonical (scheme spelling, compartments sorted, the owning nation first in REL TO,
 * then the others sorted). Input is matched case-insensitively and may carry whitespace around its
 * parts, but is otherwise strict: anything else is a {@link MarkingException} naming the bad part.
 */
public final class Marking {
  private static final String PART = "//";
  private static final String COMPARTMENT = "/";
  private static final String NATION = ", ";
  private static final String NOFORN = "NOFORN";
  private static final String REL_TO = "REL TO";

  private Marking() {}

  public static String format(Label label) {
    StringBuilder marking = new StringBuilder(label.levelName());
    if (!label.compartments().isEmpty()) {
      marking.append(PART).append(String.join(COMPARTMENT, label.compartments()));
    }
    Releasability releasability = label.releasability();
    if (releasability.kind() == Releasability.Kind.NOFORN) {
      marking.append(PART).append(NOFORN);
    } else if (releasability.kind() == Releasability.Kind.REL_TO) {
      String owner = label.scheme().nation();
      List<String> nations = new ArrayList<>(List.of(owner));
      releasability.nations().stream().filter(n -> !n.equals(owner)).forEach(nations::add);
      marking.append(PART).append(REL_TO).append(' ').append(String.join(NATION, nations));
    }
    return marking.toString();
  }

  public static Label parse(ClassificationScheme scheme, String marking) {
    String text = Objects.requireNonNull(marking, "marking").strip();
    if (text.isEmpty()) {
      throw new MarkingException("empty marking");
    }
    String[] parts = parts(text);
    int level =
        scheme
            .findLevel(parts[0])
            .orElseThrow(() -> fail("unknown level '" + parts[0] + "'", text));
    Set<String> compartments = Set.of();
    Releasability releasability = null;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.equalsIgnoreCase(NOFORN) || isRelTo(part)) {
        if (releasability != null) {
          throw fail(bothOrTwice(releasability, part), text);
        }
        releasability =
            part.equalsIgnoreCase(NOFORN) ? Releasability.noforn() : relTo(scheme, part, text);
      } else if (releasability != null) {
        throw fail("compartments '" + part + "' after the releasability", text);
      } else if (i > 1) {
        throw fail("duplicate compartments part '" + part + "'", text);
      } else {
        compartments = compartments(scheme, part, text);
      }
    }
    return Label.of(
        scheme,
        level,
        compartments,
        releasability == null ? Releasability.unrestricted() : releasability);
  }

  private static String[] parts(String text) {
    String[] parts = text.split(PART, -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
      if (parts[i].isEmpty()) {
        throw fail("empty part", text);
      }
    }
    return parts;
  }

  private static boolean isRelTo(String part) {
    return part.regionMatches(true, 0, REL_TO, 0, REL_TO.length())
        && (part.length() == REL_TO.length()
            || Character.isWhitespace(part.charAt(REL_TO.length())));
  }

  private static String bothOrTwice(Releasability first, String part) {
    boolean secondIsNoforn = part.equalsIgnoreCase(NOFORN);
    boolean firstIsNoforn = first.kind() == Releasability.Kind.NOFORN;
    return secondIsNoforn == firstIsNoforn
        ? "duplicate part '" + part + "'"
        : "REL TO and NOFORN together";
  }

  private static Set<String> compartments(ClassificationScheme scheme, String part, String text) {
    Set<String> compartments = new LinkedHashSet<>();
    for (String name : part.split(COMPARTMENT, -1)) {
      String compartment =
          scheme
              .findCompartment(name.strip())
              .orElseThrow(() -> fail(unknown("compartment", name.strip()), text));
      if (!compartments.add(compartment)) {
        throw fail("duplicate compartment '" + name.strip() + "'", text);
      }
    }
    return compartments;
  }

  private static Releasability relTo(ClassificationScheme scheme, String part, String text) {
    Set<String> nations = new LinkedHashSet<>();
    for (String name : part.substring(REL_TO.length()).split(",", -1)) {
      String nation =
          scheme
              .findNation(name.strip())
              .orElseThrow(() -> fail(unknown("nation", name.strip()), text));
      if (!nations.add(nation)) {
        throw fail("duplicate nation '" + name.strip() + "'", text);
      }
    }
    if (!nations.contains(scheme.nation())) {
      throw fail("REL TO without the owning nation '" + scheme.nation() + "'", text);
    }
    return Releasability.relTo(nations);
  }

  private static String unknown(String kind, String name) {
    return name.isEmpty() ? "empty " + kind : "unknown " + kind + " '" + name + "'";
  }

  private static MarkingException fail(String problem, String text) {
    return new MarkingException(problem + " in '" + text + "'");
  }
}
