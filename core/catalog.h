// SPDX-License-Identifier: MIT
#pragma once
// The hardware and model catalogue as plain values, and name look-up.
// The db layer fills a Catalog from SQLite; core never touches storage.

#include "hardware.h"
#include "model.h"
#include "units.h"
#include "workload.h"

#include <string>
#include <string_view>
#include <vector>

namespace llm {

struct PresetGpu {
    std::string gpuName;
    int count = 1;

    bool operator==(const PresetGpu &) const = default;
};

// A named example configuration (the seed's first table, presets.csv).
struct Preset {
    std::string name;
    std::string cpuName;
    MemoryConfig memory;
    std::vector<PresetGpu> gpus;
    std::string note;

    bool operator==(const Preset &) const = default;
};

struct MemorySpeed {
    std::string standard; // "DDR5", "LPDDR5X", "DDR4"
    units::TransferRate speed{};

    bool operator==(const MemorySpeed &) const = default;
};

struct Catalog {
    std::vector<Cpu> cpus;
    std::vector<Gpu> gpus;
    std::vector<Model> models;
    std::vector<Quantization> quants;
    std::vector<UseCase> useCases;
    std::vector<Preset> presets;
    std::vector<MemorySpeed> memorySpeeds;
    std::string asOf; // date of the shipped data

    bool operator==(const Catalog &) const = default;
};

// Result of a look-up by name: exactly one match, or an error with the closest names.
template <class T> struct Lookup {
    const T *match = nullptr;
    std::vector<std::string> candidates; // ambiguous matches, or closest names when unknown
    bool ambiguous = false;
    explicit operator bool() const { return match != nullptr; }
};

// Case-insensitive; an exact full name wins; otherwise an unambiguous short form
// whose words all appear as whole words of one name ("Ryzen 9 9950X", "9950X",
// "RTX 5090", "Qwen2.5 14B"). Hyphens, underscores and spaces separate words.
Lookup<Cpu> findCpu(const Catalog &catalog, std::string_view name);
Lookup<Gpu> findGpu(const Catalog &catalog, std::string_view name);
Lookup<Model> findModel(const Catalog &catalog, std::string_view name);
Lookup<Quantization> findQuant(const Catalog &catalog, std::string_view name);
Lookup<UseCase> findUseCase(const Catalog &catalog, std::string_view id);
Lookup<Preset> findPreset(const Catalog &catalog, std::string_view name);

// Memory speeds of a standard up to and including the CPU's rated speed.
std::vector<units::TransferRate> supportedSpeeds(const Catalog &catalog, const Cpu &cpu);

} // namespace llm
