// Wire headers, sign-offs and language detection, on text in memory.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "ingest/ingest.h"

using namespace diplograph;
using namespace diplograph::ingest;

namespace {
Dispatch completed(std::string text, std::string date, std::string agency, std::string lang) {
  Dispatch d;
  d.text = std::move(text);
  d.date = std::move(date);
  d.agency = std::move(agency);
  d.lang = std::move(lang);
  complete_dispatch(d);
  return d;
}

std::string after_header(std::string_view text) {
  return std::string(text.substr(parse_wire_header(text).body_begin, 12));
}
}  // namespace

TEST_CASE("AFP header with a date field and a full French date", "[wire]") {
  const std::string text =
      " date 2021-03 Bakou, 14 mars 2021 (AFP) - Le gouvernement a salué lundi\n\nla visite.";
  const WireHeader h = parse_wire_header(text);
  CHECK(h.date == "2021-03-14");
  CHECK(h.agency == "AFP");
  CHECK(h.dateline == "Bakou, 14 mars 2021 (AFP)");
  CHECK(text.substr(h.body_begin, 15) == "Le gouvernement");
}

TEST_CASE("French dateline variants", "[wire]") {
  struct Case {
    const char* text;
    const char* date;
  };
  const Case cases[] = {
      {"PARIS, 1er oct. 2020 (AFP) - Texte.", "2020-10-01"},
      {"BAMAKO, 23 déc 2021 (AFP) - Texte.", "2021-12-23"},
      {"Erevan, 5 févr 2022 (AFP) - Texte.", "2022-02-05"},
      {"DAKAR, 12 août 2019 (AFP) - Texte.", "2019-08-12"},
      {"GENEVE, 15 janvier 2022 (AFP) - Texte.", "2022-01-15"},
      {"ALGER, 3 juil. 2018 (AFP) - Texte.", "2018-07-03"},
      {"LIMA, 9 sept 2017 (AFP) - Texte.", "2017-09-09"},
      {"QUITO, 30 DÉC 2016 (AFP) - Texte.", "2016-12-30"},
      {"SKHIRAT (Maroc), 17 déc 2015 (AFP) - Texte.", "2015-12-17"},
      {"OHRID (Macédoine du Nord), 18 mars 2023 (AFP) - Texte.", "2023-03-18"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const WireHeader h = parse_wire_header(c.text);
    CHECK(h.date == c.date);
    CHECK(h.agency == "AFP");
    CHECK(after_header(c.text).starts_with("Texte."));
  }
  CHECK(parse_wire_header("SKHIRAT (Maroc), 17 déc 2015 (AFP) - Texte.").dateline ==
        "SKHIRAT (Maroc), 17 déc 2015 (AFP)");
}

TEST_CASE("Reuters and AP datelines", "[wire]") {
  WireHeader h = parse_wire_header("ANKARA, Oct 1 (Reuters) - Turkey said on Thursday.");
  CHECK(h.agency == "Reuters");
  CHECK(h.dateline == "ANKARA, Oct 1 (Reuters)");
  CHECK(h.date.empty());  // no year anywhere
  CHECK(after_header("ANKARA, Oct 1 (Reuters) - Turkey said on Thursday.") == "Turkey said ");

  h = parse_wire_header("KYIV, Ukraine (AP) \u2014 Ukraine's president said.");
  CHECK(h.agency == "AP");
  CHECK(h.dateline == "KYIV, Ukraine (AP)");
  CHECK(h.date.empty());
  CHECK(after_header("KYIV, Ukraine (AP) \u2014 Ukraine's president said.") == "Ukraine's pr");

  CHECK(parse_wire_header("KYIV (AP) \u2013 Text.").agency == "AP");
  CHECK(parse_wire_header("UNITED NATIONS, October 1, 2020 (Reuters) - Text.").date ==
        "2020-10-01");
  CHECK(parse_wire_header("LONDON, Oct. 7, 2021 (Reuters) - Text.").date == "2021-10-07");
  CHECK(parse_wire_header("BEIJING, 1 October 2020 (Xinhua) -- Text.").agency == "Xinhua");
  CHECK(parse_wire_header("BEIJING, 1 October 2020 (Xinhua) -- Text.").date == "2020-10-01");
  CHECK(parse_wire_header("NEW DELHI/ISLAMABAD, May 10 (Reuters) - Text.").dateline ==
        "NEW DELHI/ISLAMABAD, May 10 (Reuters)");
}

TEST_CASE("A dateline without a year takes it from the date field", "[wire]") {
  WireHeader h = parse_wire_header(" date 2024-01 WASHINGTON, Jan 12 (Reuters) - Text.");
  CHECK(h.date == "2024-01-12");
  CHECK(h.agency == "Reuters");
  CHECK(h.dateline == "WASHINGTON, Jan 12 (Reuters)");
  h = parse_wire_header(" date 2023-09 Erevan, 20 sept (AFP) - Texte.");
  CHECK(h.date == "2023-09-20");
  // Filed in January about the last day of December: the year before.
  CHECK(parse_wire_header(" date 2021-01 PARIS, 31 déc (AFP) - Texte.").date == "2020-12-31");
  // The field alone gives the month; the body starts after it.
  h = parse_wire_header(" date 2020-10 Le texte commence ici sans dateline.");
  CHECK(h.date == "2020-10");
  CHECK(h.agency.empty());
  CHECK(after_header(" date 2020-10 Le texte commence ici sans dateline.") == "Le texte com");
}

TEST_CASE("No header, and text that only mentions an agency later", "[wire]") {
  WireHeader h = parse_wire_header("The minister spoke to reporters on Friday.");
  CHECK(h.body_begin == 0);
  CHECK(h.date.empty());
  CHECK(h.agency.empty());
  CHECK(h.dateline.empty());

  h = parse_wire_header(
      "Le ministre a parlé jeudi. Il a ensuite confirmé la nouvelle (AFP) - sans détails.");
  CHECK(h.body_begin == 0);
  CHECK(h.agency.empty());

  h = parse_wire_header(
      "Le président turc a déclaré jeudi à Ankara (AFP) - que la Turquie soutiendrait Bakou.");
  CHECK(h.agency.empty());

  const std::string far = std::string(300, 'x') + " (AFP) - text";
  CHECK(parse_wire_header(far).agency.empty());
  CHECK(parse_wire_header("").body_begin == 0);
  CHECK(parse_wire_header("   ").agency.empty());
  CHECK(parse_wire_header("Mali: des pays condamnent (AFP) - Texte.").agency.empty());
  CHECK(parse_wire_header("Un titre\r\n\r\nPARIS (AFP) - Texte.").agency.empty());
  CHECK(parse_wire_header("PARIS, 3 mai 2020\r\n(AFP) - Texte.").agency == "AFP");
}

TEST_CASE("body_end drops AFP and Reuters sign-offs and trailing space", "[wire]") {
  CHECK(body_end("Texte final.\n\nsct/seb/fff\n") == 12);
  CHECK(body_end("Texte final.\nbur-jm/ah") == 12);
  CHECK(body_end("Texte final.\n\npz/mba  \n\n") == 12);
  CHECK(body_end("Text ends.\n(Reporting by Jane Roe; Editing by John Doe)\n") == 10);
  CHECK(body_end("Text ends.\n\n(Reporting by Jane Roe in Ankara)\n(Writing by A; Editing by B)") ==
        10);
  CHECK(body_end("Text ends. (Additional reporting by Jane Roe)") == 10);
  CHECK(body_end("Text ends.\n\nOur Standards: The Thomson Reuters Trust Principles.") == 10);
  // Not sign-offs: a slash in the story, a parenthesis that is not a credit, a lone line.
  CHECK(body_end("He said yes.\nand/or no") == 22);
  CHECK(body_end("He said (in English) yes") == 24);
  CHECK(body_end("Ends (with a note)") == 18);
  CHECK(body_end("sct/seb/fff") == 11);
  CHECK(body_end("text  \n\t ") == 4);
  CHECK(body_end("") == 0);
}

TEST_CASE("detect_language counts function words", "[language]") {
  CHECK(detect_language("La Russie et la Turquie ont affirmé que la situation est grave.") == "fr");
  CHECK(detect_language("Russia said on Thursday that the situation was serious.") == "en");
  CHECK(detect_language("LE MINISTRE DES AFFAIRES ÉTRANGÈRES EST À PARIS") == "fr");
  CHECK(detect_language("l’Azerbaïdjan n’a pas été consulté d’après une source") == "fr");
  CHECK(detect_language("") == "");
  CHECK(detect_language("Erdogan Poutine Macron 2020") == "");
  CHECK(detect_language("the le") == "");                 // no clear majority
  CHECK(detect_language("lesson another theory") == "");  // whole words only
}

TEST_CASE("detect_language is linear and fast", "[language]") {
  std::string big;
  while (big.size() < (8u << 20)) big += "La Turquie soutient l'Azerbaïdjan, a dit le ministre. ";
  const auto start = std::chrono::steady_clock::now();
  CHECK(detect_language(big) == "fr");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("complete_dispatch: metadata wins, header fills the gaps", "[wire]") {
  Dispatch d = completed(
      "ANKARA, Oct 1 (Reuters) - Turkey said on Thursday that it was ready.\n"
      "(Reporting by Jane Roe)",
      "2020-10-01", "", "EN-gb");
  CHECK(d.date == "2020-10-01");
  CHECK(d.agency == "Reuters");
  CHECK(d.dateline == "ANKARA, Oct 1 (Reuters)");
  CHECK(d.lang == "en");
  CHECK(d.text.substr(d.body_begin, d.body_end - d.body_begin) ==
        "Turkey said on Thursday that it was ready.");

  d = completed("Moscou, 2 oct 2020 (AFP) - La Russie et la Turquie ont parlé.", "",
                "Agence France-Presse", "");
  CHECK(d.agency == "Agence France-Presse");
  CHECK(d.date == "2020-10-02");
  CHECK(d.lang == "fr");

  d = completed("Text.", "", "", "DE");
  CHECK(d.lang == "de");
  CHECK(d.body_begin == 0);
  CHECK(d.body_end == 5);
}
