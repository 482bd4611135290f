// Internal to the store module: what Redland's sqlite and postgresql storages need beside their
// own schema to be fast and transactional. Both are idempotent and run at every open.
#pragma once

#include <optional>
#include <string>

#include "store/location.h"

namespace diplograph::store {

// Redland's sqlite schema indexes neither literals nor contexts, so every literal lookup and
// every graph replacement would scan whole tables (quadratic loads). Adds those indexes and
// switches the file to WAL, so that committed transactions survive a killed process without an
// fsync each. Throws Error.
void tune_sqlite(const std::string& path);

// The model name Redland's postgresql storage is opened with.
inline constexpr const char* kPostgresqlModel = "diplograph";

// Whether the database already holds Redland's tables and our model (else the storage must be
// opened with new='yes', which would otherwise empty the model).
bool postgresql_model_exists(const Location& location, const std::optional<std::string>& password);

// Redland's postgresql storage inserts every node with a plain INSERT and counts on a unique-key
// error when the node exists; inside a transaction that error aborts the transaction. Rules
// turn those duplicate inserts into no-ops, so whole graphs can be written in one transaction;
// and the statements table gets the indexes Redland never creates. Throws Error.
void tune_postgresql(const Location& location, const std::optional<std::string>& password);

}  // namespace diplograph::store
