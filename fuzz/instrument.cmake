# Included by the top CMakeLists.txt when DIPLOGRAPH_FUZZ is on, before the modules are
# declared: every module is then compiled by clang with coverage instrumentation for libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer, and fuzz/CMakeLists.txt links one fuzzer per
# target against the same dg_* libraries as the program.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "DIPLOGRAPH_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(DIPLOGRAPH_SANITIZE)
  message(FATAL_ERROR "DIPLOGRAPH_FUZZ brings its own sanitizers: leave DIPLOGRAPH_SANITIZE off")
endif()
# UBSan aborts at its first report. pointer-overflow alone stays recoverable, so that
# fuzz/ubsan.supp can exempt RapidJSON's known one (fuzz/sanitizer_options.cpp sets
# halt_on_error=1, which still stops at any other).
add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                    -fsanitize-recover=pointer-overflow -fno-omit-frame-pointer
                    -fsanitize=fuzzer-no-link -g
                    # Warnings that clang alone gives are the g++ builds' -Werror business, not
                    # a reason to stop fuzzing.
                    -Wno-error)
add_link_options(-fsanitize=address,undefined)
