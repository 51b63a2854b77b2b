// SPDX-License-Identifier: MIT
// Control for units_misuse.cpp: the same headers used correctly MUST compile, so
// a broken include path cannot make the misuse cases "fail" for the wrong reason.
#include "units.h"

using namespace llm::units;

int main() {
    const ByteRate bw = gigabytesPerSecond(89.6) + gigabytesPerSecond(10);
    const Seconds perToken = gigabytes(10) / bw;
    const TokenRate rate = tokens(1) / perToken;
    const Frequency f = gigahertz(2.0);
    const ByteRate fabric = bytes(32) * f;
    return inTokensPerSecond(rate) > 0 && inGigabytesPerSecond(fabric) > 0 ? 0 : 1;
}
