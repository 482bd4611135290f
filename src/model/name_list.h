// An actor's other names: an immutable list that every copy shares. A gazetteer actor is
// copied into each mention and assertion that names it, with a dozen names or more, so copies
// must not copy the names.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace diplograph {

class NameList {
 public:
  NameList() = default;
  // Implicit: wherever a list of names is expected, a vector of them will do.
  NameList(std::vector<std::string> names)  // NOLINT(google-explicit-constructor)
      : names_(names.empty() ? nullptr
                             : std::make_shared<const std::vector<std::string>>(std::move(names))) {}
  NameList(std::initializer_list<std::string> names)
      : NameList(std::vector<std::string>(names)) {}

  const std::vector<std::string>& strings() const { return names_ ? *names_ : no_names(); }
  auto begin() const { return strings().begin(); }
  auto end() const { return strings().end(); }
  std::size_t size() const { return strings().size(); }
  bool empty() const { return strings().empty(); }
  const std::string& operator[](std::size_t i) const { return strings()[i]; }

  // The same for every copy of one list, and distinct from any other list alive.
  const void* identity() const { return names_.get(); }
  // Two copies of one list are equal without comparing their names.
  bool shares(const NameList& other) const { return names_ == other.names_; }
  bool operator==(const NameList& other) const {
    return shares(other) || strings() == other.strings();
  }
  bool operator==(const std::vector<std::string>& other) const { return strings() == other; }

 private:
  static const std::vector<std::string>& no_names() {
    static const std::vector<std::string> none;
    return none;
  }

  std::shared_ptr<const std::vector<std::string>> names_;
};

}  // namespace diplograph
