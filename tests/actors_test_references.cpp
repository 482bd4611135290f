// Coreference within a dispatch: surnames, honorifics, titles alone, pronouns and descriptions.
// Every dispatch here is written for the test.
#include "actors_test_support.h"

using actors_test::en;
using actors_test::fr;

TEST_CASE("a surname alone refers to a person named before or in office", "[actors][references]") {
  const auto f = fr("Le président turc Recep Tayyip Erdogan a parlé. Erdogan a insisté.");
  CHECK(f.at("président turc Recep Tayyip Erdogan") == "person/recep-tayyip-erdogan title");
  CHECK(f.at("Erdogan") == "person/recep-tayyip-erdogan surname");
  // Wire copy names leaders by surname alone; someone out of office needs an introduction.
  CHECK(fr("Poutine a répondu.", "2020-10-01").at("Poutine") == "person/vladimir-putin surname");
  CHECK(fr("Sarkozy a répondu.", "2020-10-01").at("Sarkozy") == "<none>");
  CHECK(fr("Sarkozy a répondu.", "2010-10-01").at("Sarkozy") == "person/nicolas-sarkozy surname");
}

TEST_CASE("an honorific and a surname form one mention", "[actors][references]") {
  const auto f =
      fr("Angela Merkel et Recep Tayyip Erdogan se sont vus. Mme Merkel et M. "
         "Erdogan ont parlé, puis M. Sarkozy.",
         "2020-10-01");
  CHECK(f.at("Mme Merkel") == "person/angela-merkel honorific");
  CHECK(f.at("M. Erdogan") == "person/recep-tayyip-erdogan honorific");
  CHECK(f.at("M. Sarkozy") == "person/nicolas-sarkozy honorific");

  const auto e = en("Mr Erdogan met Mr. Lavrov and Ms Merkel.", "2020-10-01");
  CHECK(e.at("Mr Erdogan") == "person/recep-tayyip-erdogan honorific");
  CHECK(e.at("Mr. Lavrov") == "person/sergei-lavrov honorific");
  CHECK(e.at("Ms Merkel") == "person/angela-merkel honorific");
}

TEST_CASE("a person the dispatch introduced is found again by surname", "[actors][references]") {
  const auto f =
      fr("Le chef de la diplomatie malgache, Haja Rakotobe, est arrivé. M. "
         "Rakotobe a parlé. Rakotobe a conclu.");
  CHECK(f.at("M. Rakotobe") == "person/haja-rakotobe honorific");
  CHECK(f.at("Rakotobe") == "person/haja-rakotobe surname");

  const auto e = en("Malagasy Foreign Minister Haja Rakotobe arrived. Mr Rakotobe spoke.");
  CHECK(e.at("Mr Rakotobe") == "person/haja-rakotobe honorific");
}

TEST_CASE("a title alone refers to the last person holding it", "[actors][references]") {
  const auto f =
      fr("Le président turc Recep Tayyip Erdogan a parlé. Le président a ajouté "
         "que le chef de l'Etat recevrait Ilham Aliev.");
  CHECK(f.at("président") == "person/recep-tayyip-erdogan title");
  // Without a state, "chef de l'Etat" is the last head of state named (not Aliyev, named
  // after it).
  CHECK(f.at("chef de l'Etat") == "person/recep-tayyip-erdogan title");

  const auto n =
      fr("Le chef de la diplomatie malgache, Haja Rakotobe, est arrivé. Le chef de "
         "la diplomatie a parlé.");
  CHECK(n.at("chef de la diplomatie") == "person/haja-rakotobe title");

  const auto e =
      en("Malagasy Foreign Minister Haja Rakotobe arrived. The foreign minister "
         "spoke.");
  CHECK(e.at("foreign minister") == "person/haja-rakotobe title");
}

TEST_CASE("subject pronouns refer to the last person of their gender", "[actors][references]") {
  const auto f =
      fr("Angela Merkel a reçu Recep Tayyip Erdogan. Elle a insisté. Il a refusé.", "2020-10-01");
  CHECK(f.at("Elle") == "person/angela-merkel pronoun");
  CHECK(f.at("Il") == "person/recep-tayyip-erdogan pronoun");

  const auto e =
      en("Angela Merkel met Recep Tayyip Erdogan. She insisted. He refused.", "2020-10-01");
  CHECK(e.at("She") == "person/angela-merkel pronoun");
  CHECK(e.at("He") == "person/recep-tayyip-erdogan pronoun");

  // Impersonal "il" and a pronoun with nobody to refer to stay unresolved.
  CHECK(fr("Sergueï Lavrov a parlé. Il y a urgence.").at("Il") == "<none>");
  CHECK(fr("La Russie a parlé. Il a refusé.").at("Il") == "<none>");
}

TEST_CASE("descriptions refer to the last actor of their kind", "[actors][references]") {
  const auto f =
      fr("L'Azerbaïdjan a frappé le Haut-Karabakh. Les forces de cette région "
         "séparatiste ont riposté.");
  CHECK(f.at("forces de cette région séparatiste") == "region/nagorno-karabakh description");

  const auto e = en("Saudi Arabia struck the Houthis. The rebels said they would respond.");
  CHECK(e.at("The rebels") == "group/houthis description");

  CHECK(
      fr("La Russie a parlé. Cette région séparatiste a répondu.").at("Cette région séparatiste") ==
      "<none>");
}
