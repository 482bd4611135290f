// Scores as the assertion format keeps them: whole numbers of hundredths from 0 to 1
// (extraction rounds them so). Both the JSON line and the exports write such a score from its
// integer, where to_chars would work out the same digits at many times the cost.
#pragma once

#include <cmath>
#include <optional>

namespace diplograph {

// n when `value` is exactly n / 100.0 for n from 0 to 100 (-0.0 is not), else nullopt.
inline std::optional<int> exact_hundredths(double value) {
  const double n = std::round(value * 100.0);
  if (std::signbit(value) || n > 100.0 || value != n / 100.0) return std::nullopt;
  return static_cast<int>(n);
}

}  // namespace diplograph
