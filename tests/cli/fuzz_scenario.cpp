// SPDX-License-Identifier: MIT
// libFuzzer target: parseScenario must never crash, whatever the bytes, and
// whatever it accepts must write and read back (-DLLMADVISOR_FUZZ=ON, clang).
#include "catalogue.h"
#include "scenario.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const llm::Catalog catalog = llm::db::loadShippedCatalog();
    static const llm::PlatformRules rules = llm::db::loadShippedPlatformRules();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = llm::scenario::parseScenario(bytes, catalog, rules);
    if (!parsed.ok()) {
        if (parsed.error.field.isEmpty() || parsed.error.message.isEmpty())
            std::abort(); // every error names a field and says why
        return 0;
    }
    const auto again = llm::scenario::parseScenario(llm::scenario::writeScenario(*parsed.scenario),
                                                    llm::Catalog{}, rules);
    if (!again.ok())
        std::abort(); // what was accepted must round-trip
    return 0;
}
