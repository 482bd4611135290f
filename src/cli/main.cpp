#include <cstdio>

int main() {
  std::puts("diplograph " DIPLOGRAPH_VERSION);
  return 0;
}
