// SPDX-License-Identifier: MIT
// Must NOT compile: each CASE mixes up quantities that units.h keeps apart.
// Built with -fsyntax-only by check.cmake, once per CASE.
#include "units.h"

using namespace llm::units;

int main() {
#if CASE == 1
    // Adding bandwidth to token throughput.
    auto nonsense = gigabytesPerSecond(89.6) + tokensPerSecond(10);
    (void)nonsense;
#elif CASE == 2
    // Tokens per second are not hertz.
    Frequency f = tokensPerSecond(10);
    (void)f;
#elif CASE == 3
    // A bare double is not a byte count.
    Bytes b = 10e9;
    (void)b;
#elif CASE == 4
    // Bytes over bytes per second is time, not a token rate.
    TokenRate r = gigabytes(10) / gigabytesPerSecond(57.6);
    (void)r;
#else
#error "unknown CASE"
#endif
    return 0;
}
