#!/usr/bin/env python3
"""Generates a synthetic corpus of French and English wire dispatches for benchmarks.

The actors come from the gazetteer (ontology/actors); the relation phrasings, filler sentences
and datelines are written here. Output is reproducible: the same seed and options give the same
bytes, and a smaller corpus is a prefix of a larger one with the same seed.

    gen_corpus.py --mb 50 --out corpus.jsonl
    gen_corpus.py --dispatches 2000 --format txt-dir --out corpus.d

Next to the output it writes OUT.meta.json with the dispatch, sentence, word and byte counts,
which bench/run.sh uses to turn times into rates (the pipeline itself reports no counts).
Stdlib only.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_FR_WIRE = ["janv", "fév", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct",
                  "nov", "déc"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_EN_WIRE = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
                  "Nov", "Dec"]
DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# States that wire copy names most often, with a weight; every other state gets weight 1.
PROMINENT = {
    "USA": 40, "RUS": 35, "CHN": 25, "FRA": 25, "UKR": 20, "TUR": 18, "IRN": 18, "ISR": 15,
    "GBR": 15, "DEU": 14, "SYR": 12, "SAU": 10, "EGY": 8, "QAT": 8, "ARM": 8, "AZE": 8,
    "MLI": 8, "IND": 8, "PAK": 8, "JPN": 6, "KOR": 6, "PRK": 6, "IRQ": 8, "LBN": 6, "LBY": 6,
    "ARE": 6, "DZA": 5, "MAR": 5, "ETH": 5, "SDN": 5, "COD": 5, "RWA": 5, "NER": 5, "BFA": 4,
    "VEN": 4, "CUB": 4, "SRB": 4, "POL": 5, "BLR": 5, "GEO": 4, "AFG": 6, "YEM": 5, "JOR": 4,
}

# French articles that the ending rule (-e is feminine) gets wrong, or that take none.
FR_ARTICLE = {
    "USA": "les", "ARE": "les", "NLD": "les", "PHL": "les", "COM": "les", "MDV": "les",
    "SYC": "les", "BHS": "les", "MHL": "les", "SLB": "les", "FSM": "les",
    "MEX": "le", "KHM": "le", "MOZ": "le", "ZWE": "le", "BLZ": "le", "SUR": "le",
    "CUB": "", "CYP": "", "ISR": "", "MDG": "", "MLT": "", "MCO": "", "SGP": "", "BHR": "",
    "OMN": "", "HTI": "", "TWN": "", "DJI": "", "STP": "", "SMR": "", "LCA": "", "KNA": "",
    "VCT": "", "KIR": "", "NRU": "", "TUV": "", "VUT": "", "WSM": "", "TON": "", "PLW": "",
    "TTO": "", "ATG": "", "GRD": "", "MUS": "", "FJI": "", "BRN": "", "DMA": "", "VAT": "le",
}
# English short names that take "the".
EN_THE = {"USA", "GBR", "ARE", "NLD", "PHL", "COM", "MDV", "SYC", "BHS", "MHL", "SLB", "CAF",
          "COD", "COG", "CZE", "DOM", "GMB", "VAT", "FSM"}
# Acronyms read as a word, which take no article in English.
EN_WORD_ACRONYMS = {"NATO", "ASEAN", "OPEC", "ECOWAS", "UNICEF", "UNESCO", "INTERPOL",
                    "MERCOSUR", "CARICOM", "AUKUS", "UNIFIL", "MONUSCO", "MINUSMA", "UNRWA",
                    "OCHA", "SADC", "CELAC", "IGAD"}
FR_FEMININE_HEADS = ("Union", "Organisation", "Ligue", "Commission", "Cour", "Mission", "Force",
                     "Communauté", "Banque", "Agence", "Association", "Autorité", "Alliance",
                     "Assemblée", "Francophonie")
# Groups wire copy often names, with forms written out (the gazetteer has no articles). Only
# singular ones, so that the templates' verbs agree.
GROUPS = [
    # (French subject form, English subject form)
    ("le Hamas", "Hamas"), ("le Hezbollah", "Hezbollah"), ("le Fatah", "Fatah"),
    ("le Jihad islamique", "Islamic Jihad"), ("l'Armée nationale libyenne", "the Libyan National Army"),
]

VOWELS = tuple("AEIOUYÉÈÊÎÔÂaeiouyéèêîôâ")
FR_QUE = re.compile(r"\bque (?=[AEIOUÉÎaeiouéî])")


def elide(word, before):
    """'de' + 'Israël' -> "d'Israël"; the plain form otherwise."""
    return f"{word[:-1]}'{before}" if before.startswith(VOWELS) else f"{word} {before}"


def fr_forms(article, name):
    """Subject, 'de' and 'à' forms of a French noun phrase with its article."""
    if article == "les":
        return f"les {name}", f"des {name}", f"aux {name}"
    if article == "le":
        return f"le {name}", f"du {name}", f"au {name}"
    if article == "la":
        return f"la {name}", f"de la {name}", f"à la {name}"
    if article == "l'":
        return f"l'{name}", f"de l'{name}", f"à l'{name}"
    return name, elide("de", name), f"à {name}"


class Actor:
    """One actor with the surface forms the templates need, per language."""

    def __init__(self, fr, en, fr_adj=None, en_adj=None):
        self.fr_subj, self.fr_de, self.fr_a = fr
        self.en = en
        self.fr_adj = fr_adj  # masculine, feminine singular
        self.en_adj = en_adj


class Person:
    """A gazetteer person holding `role` of `state`."""

    def __init__(self, name, surname, gender, role, state):
        self.name, self.surname, self.gender = name, surname, gender
        self.role, self.state = role, state


def load_json(name):
    with open(ROOT / "ontology" / "actors" / name, encoding="utf-8") as f:
        return json.load(f)


def french_article(code, name):
    if code in FR_ARTICLE:
        return FR_ARTICLE[code]
    if name.startswith(VOWELS):
        return "l'"
    return "la" if name.endswith("e") else "le"


def state_actors(states):
    actors, weights, capitals = {}, [], []
    for s in states:
        code = s["code"]
        fr_name, en_name = s["names"]["fr"][0], s["names"]["en"][0]
        fr_adj = s["adjectives"]["fr"]
        en_adj = s["adjectives"]["en"]
        fr = fr_forms(french_article(code, fr_name), fr_name)
        if fr[0].startswith("les ") and s["capitals"]["fr"]:
            # A plural name would need plural verbs: wire copy says "Washington a accusé".
            fr = (s["capitals"]["fr"][0],) + fr[1:]
        actor = Actor(fr,
                      f"the {en_name}" if code in EN_THE else en_name,
                      (fr_adj[0], fr_adj[1] if len(fr_adj) > 1 else fr_adj[0]) if fr_adj else None,
                      en_adj[0] if en_adj else None)
        actors[code] = actor
        weights.append((code, PROMINENT.get(code, 1)))
        if s["capitals"]["fr"] and s["capitals"]["en"]:
            capitals.append((code, s["capitals"]["fr"][0], s["capitals"]["en"][0]))
    return actors, weights, capitals


def org_actors(orgs):
    out = []
    for o in orgs:
        fr_name, en_name = o["names"]["fr"][0], o["names"]["en"][0]
        fr_acr = o["acronyms"]["fr"][:1]
        en_acr = o["acronyms"]["en"][:1]
        feminine = fr_name.startswith(FR_FEMININE_HEADS)
        fr_label = fr_acr[0] if fr_acr else fr_name
        article = "l'" if fr_label.startswith(VOWELS) else ("la" if feminine else "le")
        if en_acr:
            en = en_acr[0] if en_acr[0] in EN_WORD_ACRONYMS else f"the {en_acr[0]}"
        else:
            en = f"the {en_name}"
        out.append(Actor(fr_forms(article, fr_label), en))
    return out


def group_actors():
    out = []
    for fr, en in GROUPS:
        article, name = ("l'", fr[2:]) if fr.startswith("l'") else fr.split(" ", 1)
        out.append(Actor(fr_forms(article, name), en))
    return out


def persons_by_year(persons, state_codes):
    """Office-holders of states, bucketed by every year their role covers (1995-2025)."""
    years = {y: [] for y in range(1995, 2026)}
    for p in persons:
        name = p["names"]["en"][0]
        surname = (p.get("surnames") or [name.split()[-1]])[0]
        for r in p["roles"]:
            if r["of"] not in state_codes:
                continue
            start, end = r["from"], r["to"] or "2025-12-31"
            person = Person(name, surname, p.get("gender", "m"), r["role"], r["of"])
            for y in range(max(1995, int(start[:4])), min(2025, int(end[:4])) + 1):
                years[y].append(person)
    return years


# Titles per role: French masculine, French feminine, English. {adj} is the state adjective.
TITLES = {
    "head_of_state": ("le président {adj}", "la présidente {adj}", "{Adj} President"),
    "head_of_government": ("le Premier ministre {adj}", "la Première ministre {adj}",
                           "{Adj} Prime Minister"),
    "foreign_minister": ("le chef de la diplomatie {adj}", "la cheffe de la diplomatie {adj}",
                         "{Adj} Foreign Minister"),
    "defence_minister": ("le ministre {adj} de la Défense", "la ministre {adj} de la Défense",
                         "{Adj} Defence Minister"),
    "un_ambassador": ("l'ambassadeur {adj} à l'ONU", "l'ambassadrice {adj} à l'ONU",
                      "{Adj} U.N. Ambassador"),
}

# Relation phrasings. {A} is the source, {B} (and {C}) the target(s); _de and _a are the French
# forms after "de" and "à", _poss the English possessive. Each entry: (relation, negated, text).
RELATIONS_FR = [
    ("supports", False, "{A} a réaffirmé {day} son soutien {B_a} face aux pressions de ses voisins"),
    ("supports", False, "{A} continue de soutenir {B} sur le plan militaire comme sur le plan financier"),
    ("supports", False, "{A} a livré de nouvelles armes {B_a} depuis le début de l'année, d'après plusieurs experts"),
    ("supports", False, "{A} a assuré {B} de son soutien lors d'un long entretien téléphonique"),
    ("supports", False, "{A} appuie désormais ouvertement {B} dans le conflit qui l'oppose à ses voisins"),
    ("supports", False, "{B} peut compter sur l'appui {A_de} pour reconstruire ses infrastructures détruites"),
    ("supports", True, "{A} ne soutient pas {B} dans ce dossier, contrairement à ce qu'affirment plusieurs médias"),
    ("supports", True, "{A} n'a jamais livré d'armes {B_a}, a insisté le ministère concerné"),
    ("allied-with", False, "{A} et {B} ont signé un pacte de défense mutuelle valable pour dix ans"),
    ("allied-with", False, "{A} a scellé une alliance stratégique avec {B} à l'issue de deux jours de discussions"),
    ("allied-with", False, "{A} et {B}, alliés de longue date, ont salué la signature de l'accord de coopération"),
    ("allied-with", True, "{A} n'est pas un allié {B_de}, a tenu à rappeler le porte-parole du gouvernement"),
    ("mediates", False, "{A} a proposé sa médiation entre {B} et {C} pour mettre fin aux affrontements"),
    ("mediates", False, "{A} a accueilli {day} des pourparlers entre {B} et {C} sur le tracé de la frontière"),
    ("mediates", False, "la médiation {A_de} entre {B} et {C} a permis la libération de plusieurs prisonniers"),
    ("mediates", True, "{A} n'a pas proposé sa médiation entre {B} et {C}, contrairement aux informations de la presse locale"),
    ("accuses", False, "{A} a accusé {B} de violer le cessez-le-feu conclu le mois dernier"),
    ("accuses", False, "{A} accuse {B} d'ingérence dans ses affaires intérieures et de soutien au terrorisme"),
    ("accuses", False, "{A} tient {B} pour responsable de l'attaque qui a visé un convoi humanitaire"),
    ("accuses", False, "{A} a dénoncé {day} les agressions répétées {B_de} contre ses positions frontalières"),
    ("accuses", False, "{A} et {B} se sont mutuellement accusés de saboter les négociations en cours"),
    ("accuses", True, "{A} n'a pas accusé {B} d'être à l'origine des incidents, selon le texte du communiqué"),
    ("accuses", True, "{B} a démenti les accusations {A_de} concernant la présence de ses troupes"),
]
RELATIONS_EN = [
    ("supports", False, "{A} reaffirmed its support for {B} on {day} in the face of growing pressure from its neighbours"),
    ("supports", False, "{A} has been backing {B} with money, training and weapons since the start of the year"),
    ("supports", False, "{A} supplied more drones and ammunition to {B} last month, according to independent analysts"),
    ("supports", False, "{A} stands firmly behind {B} in its dispute over the border region"),
    ("supports", False, "{B}, backed by {A}, launched a new round of diplomatic efforts on {day}"),
    ("supports", True, "{A} does not support {B} on this issue, contrary to several media reports"),
    ("supports", True, "{A} has never supplied weapons to {B}, the ministry said in a brief statement"),
    ("allied-with", False, "{A} signed a mutual defence pact with {B} that runs for ten years"),
    ("allied-with", False, "{A}, a close ally of {B}, welcomed the outcome of the vote"),
    ("allied-with", False, "{A} sealed a strategic alliance with {B} after two days of discussions in the capital"),
    ("allied-with", True, "{A} is not an ally of {B}, the government spokesman told a news conference"),
    ("mediates", False, "{A} offered to mediate between {B} and {C} to end weeks of clashes along the frontier"),
    ("mediates", False, "{A} hosted talks between {B} and {C} on {day} on the demarcation of their border"),
    ("mediates", False, "talks between {B} and {C} mediated by {A} led to the release of several prisoners"),
    ("mediates", True, "{A} has not offered to mediate between {B} and {C}, despite reports in the local press"),
    ("accuses", False, "{A} accused {B} of violating the ceasefire agreed last month"),
    ("accuses", False, "{A} blamed {B} for the attack on a humanitarian convoy near the border"),
    ("accuses", False, "{A} condemned {B_poss} repeated attacks on its border posts on {day}"),
    ("accuses", False, "{A} holds {B} responsible for the collapse of the negotiations"),
    ("accuses", False, "{A} and {B} accused each other of sabotaging the talks"),
    ("accuses", True, "{A} did not accuse {B} of being behind the incidents, according to the text of the statement"),
    ("accuses", True, "{B} rejected {A_poss} accusations about the presence of its troops"),
]

# Reported speech around a relation clause. {S} is the speaker.
SPEECH_FR = ["{S} a affirmé {day} que {X}", "selon {S}, {X}", "{X}, a déclaré {S}",
             "{S} a estimé que {X}", "{X}, a-t-il ajouté"]
SPEECH_EN = ["{S} said on {day} that {X}", "according to {S}, {X}", "{X}, {S} told reporters",
             "{S} said {X}", "{X}, he added"]
SPEAKERS_FR = ["un porte-parole du ministère des Affaires étrangères", "une source diplomatique",
               "un haut responsable gouvernemental", "le porte-parole de la présidence"]
SPEAKERS_EN = ["a foreign ministry spokesman", "a senior diplomat", "a government official",
               "a spokeswoman for the presidency"]

# Filler: subject, predicate and tail fragments combined into sentences with no relation.
FILLER_FR = (
    ["Les autorités locales", "Plusieurs organisations humanitaires", "Les observateurs internationaux",
     "Des milliers de civils", "Les membres de la délégation", "Les députés", "Les négociateurs",
     "Les marchés régionaux", "Les forces de sécurité", "Des experts indépendants",
     "Les habitants de la capitale", "Les syndicats", "Les services de secours", "Les bailleurs de fonds"],
    ["ont fait état de {num} morts dans la région de {city} au cours des derniers jours",
     "se sont réunis {day} à {city} pour évoquer la situation sécuritaire et humanitaire",
     "attendent la publication d'un nouveau calendrier électoral prévu pour {month}",
     "ont dû quitter leurs villages après une série d'explosions survenues près de {city}",
     "ont réclamé davantage de transparence sur l'utilisation des fonds de reconstruction",
     "redoutent une nouvelle hausse des prix de l'énergie et des denrées alimentaires",
     "ont publié un rapport de {num} pages sur les conditions de détention dans le pays",
     "ont examiné {day} un projet de loi sur la réforme de la justice et des forces de sécurité",
     "ont recensé plus de {num}000 déplacés dans les camps installés autour de {city}",
     "ont appelé à la retenue et à la reprise du dialogue entre toutes les parties",
     "s'inquiètent de la multiplication des coupures d'électricité dans les quartiers périphériques",
     "ont prévu de se retrouver en {month} pour faire le point sur l'application des mesures",
     "ont signalé des tirs sporadiques dans la nuit de {day} à proximité de l'aéroport"],
    ["après plusieurs semaines de tensions", "selon un bilan encore provisoire",
     "a indiqué une source proche du dossier", "dans un climat de grande incertitude",
     "alors que la saison des pluies complique l'acheminement de l'aide",
     "d'après les chiffres communiqués par les services de santé", "sans donner plus de détails",
     "à quelques mois d'une échéance électorale décisive", "malgré les appels répétés au calme",
     "dans une région minée par la pauvreté et le chômage", "selon des témoins joints par téléphone",
     "au terme d'une journée marquée par de nombreux incidents", "comme l'an dernier à la même période"],
)
FILLER_EN = (
    ["Local authorities", "Several humanitarian organisations", "International observers",
     "Thousands of civilians", "Members of the delegation", "Lawmakers", "Negotiators",
     "Regional markets", "Security forces", "Independent experts", "Residents of the capital",
     "Trade unions", "Rescue services", "Donors"],
    ["reported {num} deaths in the {city} region over the past few days",
     "met in {city} on {day} to discuss the security and humanitarian situation",
     "are waiting for a new electoral timetable expected in {month}",
     "had to leave their villages after a series of explosions near {city}",
     "called for more transparency on the use of reconstruction funds",
     "fear a further rise in energy and food prices in the coming months",
     "published a {num}-page report on detention conditions in the country",
     "reviewed a draft law on the reform of the judiciary and the security forces on {day}",
     "counted more than {num},000 displaced people in camps set up around {city}",
     "urged restraint and a return to dialogue between all the parties",
     "are worried about the growing number of power cuts in outlying districts",
     "plan to meet again in {month} to review how the measures are being applied",
     "reported sporadic gunfire near the airport overnight into {day}"],
    ["after several weeks of tension", "according to a provisional toll",
     "a source close to the matter said", "amid deep uncertainty",
     "as the rainy season hampers aid deliveries", "according to figures from health services",
     "without giving further details", "a few months before a decisive election",
     "despite repeated calls for calm", "in a region plagued by poverty and unemployment",
     "witnesses reached by telephone said", "at the end of a day marked by many incidents",
     "as happened at the same time last year"],
)
# Sentences that name actors without relating them, as wire copy often does.
MENTIONS_FR = ["{P} est attendu {day} à {city} pour une visite de deux jours consacrée à la coopération économique",
               "{A} doit présenter {day} un nouveau plan de relance, selon la presse locale",
               "la situation {A_a} reste tendue après les manifestations de la semaine dernière"]
MENTIONS_EN = ["{P} is expected in {city} on {day} for a two-day visit focused on economic cooperation",
               "{A} is due to unveil a new recovery plan on {day}, local media reported",
               "the situation in {A} remains tense after last week's protests"]

AGENCIES_EN = ["Reuters", "AP", "AFP"]
RELATION_SHARE = 1 / 3    # wire copy: a relation in about every third sentence
SPEECH_SHARE = 0.25       # relation sentences in reported speech
NEGATED_SHARE = 0.1       # relation sentences negated or denied
MENTION_SHARE = 0.15      # filler sentences that name actors


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        states = load_json("states.json")
        self.states, weights, self.capitals = state_actors(states)
        self.state_codes = [c for c, _ in weights]
        self.state_weights = [w for _, w in weights]
        self.orgs = org_actors(load_json("organizations.json"))
        self.groups = group_actors()
        self.persons = persons_by_year(load_json("persons.json"), set(self.states))
        self.relations = {(lang, negated): [t for _, neg, t in templates if neg == negated]
                          for lang, templates in (("fr", RELATIONS_FR), ("en", RELATIONS_EN))
                          for negated in (False, True)}
        self.count = 0

    # -- actors --------------------------------------------------------------------------

    def pick_state(self):
        return self.rng.choices(self.state_codes, self.state_weights)[0]

    def cast(self, year):
        """The actors of one dispatch: a few states, maybe an organisation, group or person."""
        rng = self.rng
        size, codes = rng.randint(3, 5), set()
        while len(codes) < size:
            codes.add(self.pick_state())
        cast = [self.states[c] for c in sorted(codes)]
        if rng.random() < 0.35:
            cast.append(rng.choice(self.orgs))
        if rng.random() < 0.15:
            cast.append(rng.choice(self.groups))
        people = [p for p in (rng.choice(self.persons[year]) for _ in range(2))
                  if p.role in TITLES and self.states[p.state].fr_adj and self.states[p.state].en_adj]
        return cast, people

    def person_actor(self, p, lang, seen):
        """A person as the templates use an actor: titled at first mention, surname later."""
        state = self.states[p.state]
        if p.name in seen:
            later = p.surname if lang == "en" else ("Mme " if p.gender == "f" else "M. ") + p.surname
            return Actor(fr_forms("", later), later)
        seen.add(p.name)
        fr_m, fr_f, en = TITLES[p.role]
        if lang == "en":
            return Actor(fr_forms("", p.name), en.format(Adj=state.en_adj) + " " + p.name)
        title = (fr_f if p.gender == "f" else fr_m).format(adj=state.fr_adj[p.gender == "f"])
        article, rest = ("l'", title[2:]) if title.startswith("l'") else title.split(" ", 1)
        return Actor(fr_forms(article, f"{rest}, {p.name},"), p.name)

    # -- sentences -----------------------------------------------------------------------

    def slots(self, lang):
        rng = self.rng
        _, city_fr, city_en = rng.choice(self.capitals)
        return {"day": rng.choice(DAYS_FR if lang == "fr" else DAYS_EN),
                "city": city_fr if lang == "fr" else city_en,
                "num": str(rng.randint(2, 250)),
                "month": (MONTHS_FR if lang == "fr" else MONTHS_EN)[rng.randrange(12)]}

    @staticmethod
    def actor_slots(name, actor, lang):
        if lang == "fr":
            return {name: actor.fr_subj, name + "_de": actor.fr_de, name + "_a": actor.fr_a}
        poss = actor.en + ("'" if actor.en.endswith("s") else "'s")
        return {name: actor.en, name + "_poss": poss}

    def relation(self, lang, cast, people, seen):
        rng = self.rng
        negated = rng.random() < NEGATED_SHARE
        text = rng.choice(self.relations[lang, negated])
        actors = rng.sample(cast, 3)
        if people and rng.random() < 0.3 and "{A}" in text and not text.startswith("{B}"):
            actors[0] = self.person_actor(rng.choice(people), lang, seen)
        values = self.slots(lang)
        for name, actor in zip("ABC", actors):
            values.update(self.actor_slots(name, actor, lang))
        clause = text.format(**values)
        if rng.random() < SPEECH_SHARE:
            frame = rng.choice(SPEECH_FR if lang == "fr" else SPEECH_EN)
            speaker = rng.choice(SPEAKERS_FR if lang == "fr" else SPEAKERS_EN)
            clause = FR_QUE.sub("qu'", frame.format(S=speaker, X=clause, day=values["day"]))
        return clause, negated

    def filler(self, lang, cast, people, seen):
        rng = self.rng
        values = self.slots(lang)
        if rng.random() < MENTION_SHARE:
            text = rng.choice(MENTIONS_FR if lang == "fr" else MENTIONS_EN)
            values.update(self.actor_slots("A", rng.choice(cast), lang))
            if people and "{P}" in text:
                p = self.person_actor(rng.choice(people), lang, seen)
                values["P"] = p.en if lang == "en" else p.fr_subj.rstrip(",")
            else:
                values["P"] = values["A"]
            return text.format(**values)
        subjects, predicates, tails = FILLER_FR if lang == "fr" else FILLER_EN
        return f"{rng.choice(subjects)} {rng.choice(predicates)}".format(**values)

    def lengthen(self, sentence, lang):
        """Adds tails until the sentence has 15-35 words, as wire sentences do."""
        rng = self.rng
        tails = (FILLER_FR if lang == "fr" else FILLER_EN)[2]
        target = rng.randint(15, 35)
        words = len(sentence.split())
        for tail in rng.sample(tails, 3):
            if words >= target - 4:
                break
            sentence = f"{sentence}, {tail}"
            words += len(tail.split())
        return sentence

    @staticmethod
    def finish(sentence):
        sentence = sentence.replace(",,", ",").replace(", ,", ",")
        return sentence[0].upper() + sentence[1:] + "."

    # -- dispatches ----------------------------------------------------------------------

    def date(self):
        rng = self.rng
        return rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)

    def dateline(self, lang, agency, date):
        year, month, day = date
        _, city_fr, city_en = self.rng.choice(self.capitals)
        if lang == "fr":
            return f"{city_fr}, {day} {MONTHS_FR_WIRE[month - 1]} {year} (AFP) - "
        if agency == "AP":
            return f"{city_en.upper()} (AP) — "
        return f"{city_en.upper()}, {MONTHS_EN_WIRE[month - 1]} {day} ({agency}) - "

    def dispatch(self):
        """One dispatch as a dict (JSON Lines fields) plus counts for the meta file."""
        rng = self.rng
        self.count += 1
        lang = "fr" if rng.random() < 0.5 else "en"
        agency = "AFP" if lang == "fr" else rng.choice(AGENCIES_EN)
        date = self.date()
        cast, people = self.cast(date[0])
        seen = set()
        sentences, relations, negated = [], 0, 0
        for i in range(rng.randint(8, 30)):
            # The lead usually carries the news.
            if rng.random() < (0.7 if i == 0 else RELATION_SHARE):
                s, is_negated = self.relation(lang, cast, people, seen)
                relations += 1
                negated += is_negated
            else:
                s = self.filler(lang, cast, people, seen)
            sentences.append(self.finish(self.lengthen(s, lang)))
        paragraphs, i = [], 0
        while i < len(sentences):
            n = rng.choice((1, 1, 2, 2, 3))
            paragraphs.append(" ".join(sentences[i:i + n]))
            i += n
        text = self.dateline(lang, agency, date) + "\n\n".join(paragraphs)
        iso = f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}"
        record = {"id": f"gen-{self.count:08d}", "date": iso, "agency": agency, "lang": lang,
                  "title": sentences[0][:60].rsplit(" ", 1)[0], "text": text}
        stats = {"sentences": len(sentences), "relation_sentences": relations, "negated": negated,
                 "words": len(text.split()), "text_bytes": len(text.encode("utf-8")), "lang": lang}
        return record, stats


class Totals:
    def __init__(self):
        self.dispatches = self.sentences = self.relation_sentences = self.negated = 0
        self.words = self.text_bytes = self.bytes = 0
        self.langs = {"fr": 0, "en": 0}

    def add(self, stats, written_bytes):
        self.dispatches += 1
        self.sentences += stats["sentences"]
        self.relation_sentences += stats["relation_sentences"]
        self.negated += stats["negated"]
        self.words += stats["words"]
        self.text_bytes += stats["text_bytes"]
        self.bytes += written_bytes
        self.langs[stats["lang"]] += 1


def write_jsonl(gen, out, done):
    totals = Totals()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buffer = []
        while not done(totals):
            record, stats = gen.dispatch()
            line = json.dumps(record, ensure_ascii=False) + "\n"
            buffer.append(line)
            totals.add(stats, len(line.encode("utf-8")))
            if len(buffer) >= 1000:
                f.write("".join(buffer))
                buffer.clear()
        f.write("".join(buffer))
    return totals


def write_txt_dir(gen, out, done):
    """One wire text file per dispatch, 1,000 to a subdirectory so that no directory is huge."""
    totals = Totals()
    out.mkdir(parents=True, exist_ok=True)
    while not done(totals):
        record, stats = gen.dispatch()
        n = totals.dispatches
        sub = out / f"{n // 1000:05d}"
        if n % 1000 == 0:
            sub.mkdir(exist_ok=True)
        body = record["text"] + "\n"
        name = f"{record['agency'].lower()}-{record['lang']}-{record['date']}-{n:08d}.txt"
        (sub / name).write_text(body, encoding="utf-8", newline="\n")
        totals.add(stats, len(body.encode("utf-8")))
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="stop at this many MB (10^6 bytes) of input")
    size.add_argument("--dispatches", type=int, help="this many dispatches")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("jsonl", "txt-dir"), default="jsonl")
    parser.add_argument("--out", required=True, type=Path,
                        help="output file (jsonl) or directory (txt-dir)")
    args = parser.parse_args()

    if args.mb is not None:
        limit = int(args.mb * 1e6)
        def done(t): return t.bytes >= limit
    else:
        def done(t): return t.dispatches >= args.dispatches

    gen = Generator(args.seed)
    writer = write_jsonl if args.format == "jsonl" else write_txt_dir
    totals = writer(gen, args.out, done)
    meta = {"seed": args.seed, "format": args.format, "dispatches": totals.dispatches,
            "sentences": totals.sentences, "relation_sentences": totals.relation_sentences,
            "negated_relation_sentences": totals.negated,
            "words": totals.words, "text_bytes": totals.text_bytes, "bytes": totals.bytes,
            "lang": totals.langs}
    meta_path = Path(str(args.out).rstrip("/") + ".meta.json")
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta), file=sys.stderr)


if __name__ == "__main__":
    main()
