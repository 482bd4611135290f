// build --mpi: extract (the map) on every MPI rank, merge (the reduce) on rank 0, so that
// `mpirun -np N diplograph build --mpi INPUT...` writes what `build INPUT...` writes
// (docs/SCALE-OUT.md). No MPI type appears here; run_mpi_build exists only in builds with
// DIPLOGRAPH_MPI (mpi_build.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/batch_runner.h"

namespace diplograph::cli {

// Where build's records come from: a call that hands `sink` the results of `inputs` in input
// order, as run_batch does.
using RecordSource = std::function<BatchResult(
    const Pipeline& pipeline, const std::vector<std::string>& inputs, const BatchSink& sink)>;

// The build itself, run on rank 0 with the options it should use and the records of every rank.
using RootBuild = std::function<int(const CommonOptions& common, const RecordSource& source)>;

// Starts MPI and runs one rank. Rank 0 lists the input files, shares them out in contiguous
// runs of about equal bytes, runs `build` with a source that yields its own run's records and
// then every other rank's, in rank order, so the records come in input order. Every other rank
// extracts its run and sends the records to rank 0 as assertion JSON Lines. Returns the exit
// status of this rank.
int run_mpi_build(const CommonOptions& common, const RootBuild& build);

}  // namespace diplograph::cli
