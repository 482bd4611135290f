// Internal to the store module: store::Term to and from raptor's terms (which librdf's nodes are).
#pragma once

#include <raptor2/raptor2.h>

#include <string>

#include "store/store.h"

namespace diplograph::store {

Term from_raptor(const raptor_term* term);
// A new term the caller owns (nullptr when raptor refuses it, e.g. a bad IRI).
raptor_term* to_raptor(raptor_world* world, const Term& term);
// N-Triples form of the term, as a key for sets and for Virtuoso's loader.
std::string ntriples(const Term& term);

}  // namespace diplograph::store
