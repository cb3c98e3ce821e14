package org.civicportal.search;

import java.util.List;

/** A handful of short service pages in the style of GOV.UK and service-public.fr. */
final class SampleDocuments {
  static final String TENANT = "demoland";

  /** Public content of the test tenant. */
  static final Visibility PUBLIC = Visibility.publicIn(TENANT);

  /** A member of the public in the test tenant: sees exactly the {@link #PUBLIC} documents. */
  static final Audience VISITOR = Audience.publicOf(TENANT);

  static final IndexDocument PASSPORT_EN =
      en(
          "passport",
          "Apply for a first adult passport",
          "How to apply for your first adult passport, what documents you need and how long it"
              + " takes.",
          "You can apply for a first adult passport online or by post. Passports for adults are"
              + " valid for 10 years. You must book an interview to confirm your identity.");

  static final IndexDocument RENEW_PASSPORT_EN =
      en(
          "renew-passport",
          "Renew or replace your adult passport",
          "Renew or replace your passport if it has expired, been lost or stolen.",
          "It costs less to renew online. You can keep your old passport until your new one"
              + " arrives.");

  static final IndexDocument LICENCE_EN =
      en(
          "driving-licence",
          "Renew your driving licence",
          "Renew your photocard driving licence online, by post or at a Post Office.",
          "You must renew your driving licence every 10 years. Renewing a driving licence online"
              + " costs less than by post.");

  static final IndexDocument VISA_EN =
      en(
          "visitor-visa",
          "Standard Visitor visa",
          "Apply for a Standard Visitor visa to visit the UK for tourism or business.",
          "You can usually stay for up to 6 months. You cannot work or claim public funds.");

  static final IndexDocument PASSEPORT_FR =
      fr(
          "passeport",
          "Passeport",
          "Le passeport est un titre de voyage qui permet de se déplacer à l'étranger.",
          "La démarche de demande de passeport se fait en mairie, sur rendez-vous. Une"
              + " pré-demande peut être faite en ligne. Le passeport d'une personne majeure est"
              + " valable 10 ans.");

  static final IndexDocument ETAT_CIVIL_FR =
      fr(
          "etat-civil",
          "Acte de naissance : demande de copie intégrale ou d'extrait",
          "Vous pouvez obtenir un acte d'état civil auprès de la mairie du lieu de naissance.",
          "La demande d'acte d'état civil est gratuite. Elle peut se faire en ligne, par courrier"
              + " ou au guichet de la mairie.");

  static final IndexDocument CARTE_FR =
      fr(
          "carte-identite",
          "Carte d'identité : majeur",
          "La carte nationale d'identité d'une personne majeure est valable 15 ans.",
          "Les démarches sont les mêmes que pour le passeport : la demande se fait en mairie.");

  static final List<IndexDocument> ALL =
      List.of(
          PASSPORT_EN,
          RENEW_PASSPORT_EN,
          LICENCE_EN,
          VISA_EN,
          PASSEPORT_FR,
          ETAT_CIVIL_FR,
          CARTE_FR);

  private SampleDocuments() {}

  static IndexDocument en(String id, String title, String summary, String body) {
    return new IndexDocument(
        "service:" + id + ":en", "service", id, "en", title, summary, body, PUBLIC);
  }

  static IndexDocument fr(String id, String title, String summary, String body) {
    return new IndexDocument(
        "service:" + id + ":fr", "service", id, "fr", title, summary, body, PUBLIC);
  }
}
