// Titles and roles: resolution by the dispatch date, titles followed by a name (known or new),
// anonymous role actors, former holders. Every dispatch here is written for the test.
#include "actors_test_support.h"

using actors_test::en;
using actors_test::fr;

TEST_CASE("a French title with a state adjective resolves by the dispatch date",
          "[actors][titles]") {
  CHECK(fr("Le président turc a appelé au calme.", "2020-10-01").at("président turc") ==
        "person/recep-tayyip-erdogan title");
  CHECK(fr("Le président turc a appelé au calme.", "2005-06-01").at("président turc") ==
        "person/ahmet-necdet-sezer title");
  CHECK(fr("Le président turc a appelé au calme.", "2010-03-01").at("président turc") ==
        "person/abdullah-gul title");
  CHECK(fr("Le président yougoslave a rejeté l'ultimatum.", "1999-04-01")
            .at("président yougoslave") == "person/slobodan-milosevic title");
  // A month-only date is read as the middle of the month.
  CHECK(fr("Le président turc a appelé au calme.", "2007-08").at("président turc") ==
        "person/ahmet-necdet-sezer title");
}

TEST_CASE("the state adjective may sit inside a French title", "[actors][titles]") {
  const auto r =
      fr("Le ministre turc des Affaires étrangères et le chef de la diplomatie russe "
         "se sont parlé.",
         "2020-10-01");
  CHECK(r.at("ministre turc des Affaires étrangères") == "person/mevlut-cavusoglu title");
  CHECK(r.at("chef de la diplomatie russe") == "person/sergei-lavrov title");
  CHECK(fr("Le ministre turc des Affaires étrangères a parlé.", "2024-01-10")
            .at("ministre turc des Affaires étrangères") == "person/hakan-fidan title");
}

TEST_CASE("English titles after a state adjective, a possessive or 'of'", "[actors][titles]") {
  const auto r =
      en("The Russian foreign minister met Turkey's president and the President of "
         "Azerbaijan.",
         "2020-10-01");
  CHECK(r.at("Russian foreign minister") == "person/sergei-lavrov title");
  CHECK(r.at("Turkey's president") == "person/recep-tayyip-erdogan title");
  CHECK(r.at("President of Azerbaijan") == "person/ilham-aliyev title");
}

TEST_CASE("titles that name their state themselves", "[actors][titles]") {
  CHECK(en("U.S. Secretary of State Mike Pompeo spoke.", "2020-10-01")
            .at("U.S. Secretary of State Mike Pompeo") == "person/mike-pompeo title");
  CHECK(en("The Secretary of State spoke.", "2023-05-21").at("Secretary of State") ==
        "person/antony-blinken title");
  CHECK(fr("Le secrétaire d'Etat américain a parlé.", "2023-05-21")
            .at("secrétaire d'Etat américain") == "person/antony-blinken title");
}

TEST_CASE("heads of organisations and UN ambassadors", "[actors][titles]") {
  CHECK(en("UN Secretary-General Antonio Guterres spoke.", "2020-10-01")
            .at("UN Secretary-General Antonio Guterres") == "person/antonio-guterres title");
  CHECK(en("The UN Secretary-General spoke.", "2010-10-01").at("UN Secretary-General") ==
        "person/ban-ki-moon title");
  const auto f = fr("Le secrétaire général de l'ONU et le chef de l'Otan ont parlé.", "2020-10-01");
  CHECK(f.at("secrétaire général de l'ONU") == "person/antonio-guterres title");
  // The chief of an organisation is its secretary-general.
  CHECK(f.at("chef de l'Otan") == "person/jens-stoltenberg title");

  const auto u =
      fr("L'ambassadeur russe à l'ONU, Vassili Nebenzia, a parlé. L'ambassadeur "
         "russe à l'ONU a ajouté.",
         "2020-10-01");
  CHECK(u.at("ambassadeur russe à l'ONU, Vassili Nebenzia") == "person/vassily-nebenzia title");
  CHECK(u.at("ambassadeur russe à l'ONU") == "person/vassily-nebenzia title");
}

TEST_CASE("a title with an unknown name creates a person of that state", "[actors][titles]") {
  const auto f = fr("Le chef de la diplomatie malgache, Haja Rakotobe, a parlé.", "2020-10-01");
  CHECK(f.at("chef de la diplomatie malgache, Haja Rakotobe") == "person/haja-rakotobe title");
  const auto* person = f.actor("chef de la diplomatie malgache, Haja Rakotobe");
  REQUIRE(person);
  CHECK(person->label == "Haja Rakotobe");
  CHECK(person->affiliation == "state/MDG");
  CHECK(person->kind == diplograph::ActorKind::Person);

  const auto e = en("Malagasy Foreign Minister Haja Rakotobe spoke.", "2020-10-01");
  CHECK(e.at("Malagasy Foreign Minister Haja Rakotobe") == "person/haja-rakotobe title");
  REQUIRE(e.actor("Malagasy Foreign Minister Haja Rakotobe"));
  CHECK(e.actor("Malagasy Foreign Minister Haja Rakotobe")->affiliation == "state/MDG");
}

TEST_CASE("a title whose office has no known holder is an anonymous role actor",
          "[actors][titles]") {
  const auto f = fr("Le ministre malgache des Affaires étrangères a parlé.", "2020-10-01");
  CHECK(f.at("ministre malgache des Affaires étrangères") == "role/MDG/foreign_minister title");
  const auto* role = f.actor("ministre malgache des Affaires étrangères");
  REQUIRE(role);
  CHECK(role->label == "Madagascar foreign minister");
  CHECK(role->affiliation == "state/MDG");

  CHECK(en("The Malagasy foreign minister spoke.", "2020-10-01").at("Malagasy foreign minister") ==
        "role/MDG/foreign_minister title");
}

TEST_CASE("the state or organisation a title names is kept as a nested mention",
          "[actors][titles]") {
  const auto f =
      fr("Le président turc a parlé au chef de la diplomatie de l'Union européenne, "
         "Josep Borrell. Le président a ajouté un mot.",
         "2020-10-01");
  CHECK(f.at("chef de la diplomatie de l'Union européenne, Josep Borrell") ==
        "person/josep-borrell title");
  CHECK(f.nested() == std::vector<std::string>{"turc = state/TUR adjective modifier",
                                               "Union européenne = org/EU name"});
  const auto e = en("Russia's foreign minister met the U.S. Secretary of State.", "2020-10-01");
  CHECK(e.at("Russia's foreign minister") == "person/sergei-lavrov title");
  CHECK(e.nested() ==
        std::vector<std::string>{"Russia = state/RUS name", "U.S. = state/USA acronym"});
}

TEST_CASE("a former office-holder is not today's holder", "[actors][titles]") {
  const auto f = fr("L'ancien président turc a critiqué le gouvernement.", "2020-10-01");
  CHECK(f.all() == std::vector<std::string>{"turc = state/TUR adjective modifier"});
  const auto o = fr("L'ancien président de la Turquie a parlé.", "2020-10-01");
  CHECK(o.all() == std::vector<std::string>{"Turquie = state/TUR name modifier"});
  const auto e =
      en("The former Turkish president and a former U.S. Secretary of State spoke.", "2020-10-01");
  CHECK(e.all() == std::vector<std::string>{"Turkish = state/TUR adjective modifier",
                                            "U.S. = state/USA acronym modifier"});
  // Named, the former holder is that person.
  CHECK(fr("L'ancien président turc Abdullah Gül a parlé.", "2020-10-01")
            .at("président turc Abdullah Gül") == "person/abdullah-gul title");
}
