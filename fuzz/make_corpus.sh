#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/: small hand-made inputs
# for each format and each trap the readers have to handle, plus the sample dispatches. The files
# are kept in git; run this again only to change the seeds. Ingest seeds start with the two
# control bytes of fuzz_support.h ("  ": reads of 32 bytes, the default size limit).
# Usage: [DIPLOGRAPH=path/to/diplograph] fuzz/make_corpus.sh
set -u

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "${here}")"
corpus="${here}/corpus"

seed() {  # seed TARGET NAME PRINTF-FORMAT [ARGS...]: one file, bytes as printf writes them
  local target="$1" name="$2"
  shift 2
  mkdir -p "${corpus}/${target}"
  # shellcheck disable=SC2059
  printf "$@" >"${corpus}/${target}/${name}"
}

ingest_seed() {  # ingest_seed TARGET NAME PRINTF-FORMAT [ARGS...]
  local target="$1" name="$2"
  shift 2
  seed "${target}" "${name}" "  $1" "${@:2}"
}

from_file() {  # from_file TARGET NAME FILE [PREFIX]: the file's first 4 KiB
  local target="$1" name="$2" file="$3" prefix="${4:-}"
  mkdir -p "${corpus}/${target}"
  { printf '%s' "${prefix}"; head -c 4096 "${file}"; } >"${corpus}/${target}/${name}"
}

rm -rf "${corpus}"

# --- JSON Lines ---------------------------------------------------------------------------------
t=ingest_jsonl
ingest_seed $t good '{"id":"a1","lang":"fr","text":"La France soutient le Mali, a déclaré Paris."}\n{"id":"a2","text":"Germany supports Ukraine."}\n'
ingest_seed $t all-fields '{"id":"x","text":"Moscou, 1 oct 2020 (AFP) - La Russie soutient.","title":"t","date":"2020-10","agency":"AFP","lang":"FR-fr","url":"http://x","dateline":"d"}\n'
ingest_seed $t crlf-bom '\xef\xbb\xbf{"id":"b","text":"x"}\r\n\r\n{"id":"c","text":"y"}\r\n'
ingest_seed $t errors '{"id":"x","text":"unterminated}\n{"id":"y"}\n["id","text"]\n{"id":"z","text":42}\n{"id":"u","text":"caf\xe9"}\n{"id":"n","text":null}\n'
ingest_seed $t escapes '{"id":"e","text":"\\u00e9\\ud83d\\ude00\\udc00\\u0000\\n\\t\\"\\\\"}\n'
ingest_seed $t duplicate '{"id":"d","text":"one"}\n{"id":"d","text":"two"}\n{"id":7,"text":"number id"}\n'
ingest_seed $t nested '{"id":"n","text":"t","extra":[[[[{"a":[1,2,{"b":null}]}]]]]}\n'
ingest_seed $t trailing '{"id":"t","text":"a"} {"id":"u","text":"b"}\n{"id":"v","text":"c"}junk\n'
ingest_seed $t nul '{"id":"z","text":"a\x00b"}\n'
from_file $t sample-caucasus "${root}/samples/dispatches/feeds/2021-caucasus.jsonl" "  "

# --- JSON documents -----------------------------------------------------------------------------
t=ingest_json
ingest_seed $t array '[{"id":"a","text":"La Russie soutient la Syrie."},{"id":"b","text":"Iran backs the Houthis."}]'
ingest_seed $t single '{"id":"s","text":"Qatar mediates between the United States and the Taliban.","date":"2020-02-29"}'
ingest_seed $t bad-items '[1,"two",null,{"id":"x"},{"text":"no id"},[],{"id":"y","text":"ok"}]'
ingest_seed $t deep '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]'
ingest_seed $t unclosed '[{"id":"a","text":"b"},\n{"id":"c",\n"text":"d"'
ingest_seed $t two-roots '{"id":"a","text":"b"}\n{"id":"c","text":"d"}'
ingest_seed $t multiline '[\n  {\n    "id": "m",\n    "text": "line\\nbreak"\n  }\n]\n'
from_file $t sample-array "${root}/samples/dispatches/feeds/array.json" "  "

# --- wire text ----------------------------------------------------------------------------------
t=ingest_wire
ingest_seed $t afp ' date 2020-10 Moscou, 1 oct 2020 (AFP) - La Turquie soutient l’Azerbaïdjan, a déclaré le Kremlin.\n\nsct/seb/fff\n'
ingest_seed $t reuters 'ANKARA, Oct 1 (Reuters) - Turkey backs Azerbaijan, President Tayyip Erdogan said.\n(Reporting by A; Editing by B)\n'
ingest_seed $t ap 'KYIV (AP) \xe2\x80\x94 Ukraine accused Russia of shelling.\n'
ingest_seed $t latin1 "Moscou, 1 oct 2020 (AFP) - La Turquie soutient l'Azerba\xefdjan, a d\xe9clar\xe9 le ministre turc \xe0 Ankara.\x80\x9f\n"
ingest_seed $t wrapped 'PARIS, 23 déc (AFP) - La France\n\nsoutient le Mali\n\ndans sa lutte, a dit\n\nle ministre.\n\nbur-jm/ah\n'
ingest_seed $t binary '\x01\x02\x03\x04\x05 not text \x06\x07\x08'
ingest_seed $t blank ' \n\t\r\n'
ingest_seed $t date-field ' date 2021-01 PARIS, 31 déc (AFP) - Fin.'
ingest_seed $t standards 'WASHINGTON, Oct. 5 (Reuters) - Text.\nOur Standards: The Thomson Reuters Trust Principles.'
for f in "${root}"/samples/dispatches/wire/*.txt; do
  from_file $t "sample-$(basename "${f}" .txt)" "${f}" "  "
done

# --- text layer and extraction (raw UTF-8 text; extraction's byte 0 picks lang and date) ---------
for t in text extract; do
  lead=""
  [[ ${t} == extract ]] && lead="\x04"
  seed $t fr "${lead}La Russie, alliée de l'Arménie, a accusé la Turquie de soutenir l'Azerbaïdjan. M. Lavrov l'a dit."
  seed $t en "${lead}Russian Foreign Minister Sergei Lavrov said Moscow backs Armenia. The U.S. ambassador didn't agree; he said so."
  seed $t inversion "${lead}« La France soutient-elle le Mali ? » a-t-il demandé. Va-t-on voir l’ONU, l’UE et l’OTAN ?"
  seed $t typography "${lead}Kılıçdaroğlu, Łukaszenka, Đukanović et Støre : l’œuvre ﬁnale… « Æ » — 1,5 %% (F-16) ¨ ²\u200b\u00ad."
  seed $t marks "${lead}e\xcc\x81te\xcc\x81 \xcc\x81 \xe2\x80\x8d\xef\xbb\xbf x\xc2\xa0y\xe2\x80\xa8z\xc2\x85w"
  seed $t wrapped "${lead}PARIS, 23 déc (AFP) - La France\n\nsoutient le Mali\n\ndans sa lutte, a dit\n\nle ministre.\n\n\n\nbur-jm/ah\n"
  seed $t parentheses "${lead}L'ONU (Nations unies. Elle) soutient [le plan. Oui] et (non fermée. Fin."
  seed $t titles "${lead}le président turc Recep Tayyip Erdogan, Mr. Smith, Dr. No. 5 et George W. Bush. The ministry said."
done
from_file extract sample-afp-minsk "${root}/samples/dispatches/wire/afp-fr-ukraine-2015-02-minsk.txt" $'\x00'
from_file extract sample-reuters-ankara "${root}/samples/dispatches/wire/reuters-en-mideast-2019-10-ankara.txt" $'\x06'

# --- assertion lines (merge's input) -----------------------------------------------------------
t=record_json
diplograph="${DIPLOGRAPH:-${root}/build-rel/diplograph}"  # for real assertion lines
mkdir -p "${corpus}/${t}"
if [[ -x "${diplograph}" ]]; then
  "${diplograph}" extract -q "${root}/samples/dispatches/feeds/2021-caucasus.jsonl" 2>/dev/null |
    head -n 3 | split -l 1 - "${corpus}/${t}/extract-" 2>/dev/null || true
fi
seed $t minimal '{"id":"a"}'
seed $t full '{"id":"d","date":"2020-10-01","lang":"fr","agency":null,"title":null,"url":null,"relations":[{"type":"supports","source":{"id":"state/TUR","label":"Turkey","code":"TUR","kind":"State","aliases":["Ankara"]},"target":{"id":"state/AZE","kind":"State"},"polarity":"positive","modality":"claimed","speaker":{"id":"person/x","kind":"Person","affiliation":"state/TUR"},"sentence":3,"span":[412,467],"trigger":"soutenue par","evidence":"e","rule":"r","confidence":0.9,"rolled_up_from":null}],"actors":[{"id":"state/TUR","label":"Turkey","code":"TUR","kind":"State","qid":"Q43","aliases":[],"mentions":[{"span":[1,2],"text":"A","how":"capital"}]}]}'
seed $t bad-fields '{"id":"d","relations":[{"type":"x","source":{"id":1},"target":{}}],"actors":[{"id":"a","mentions":[{"span":[5,2]}]}]}'
seed $t big-numbers '{"id":"d","relations":[{"type":"x","source":{"id":"a"},"target":{"id":"b"},"confidence":1e300,"sentence":-2147483648,"span":[0,4294967295]}]}'
seed $t deep '{"id":"d","x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}'

# --- writers (bytes for FuzzedDataProvider: any will do) ----------------------------------------
t=writers
for n in 1 2 3 4 5 6 7; do
  seed $t "format-${n}" '%s' "$(printf 'seed %d <&>"=cmd\n@x%*s' "${n}" "$((n * 40))" '')"
done

echo "seeds written to ${corpus}:"
for d in "${corpus}"/*/; do echo "  $(basename "${d}"): $(ls "${d}" | wc -l) files"; done
