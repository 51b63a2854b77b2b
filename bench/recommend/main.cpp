// SPDX-License-Identifier: MIT
// bench_recommend [--threads N] [--repeat R] [--model NAME]...
// Prints, for the shipped catalogue and the catalogue with its CPU list
// multiplied 2x and 4x (builds grow linearly with it): builds enumerated,
// builds evaluated, sweep time (best of R) and builds evaluated per second,
// once with pruning (what the program does) and once evaluating every build
// the platforms allow (the raw speed of the inner loop). Four use cases.

#include "catalogue.h"
#include "recommend.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace llm;

Catalog multiplied(const Catalog &base, int factor) {
    Catalog c = base;
    for (int k = 1; k < factor; ++k)
        for (const Cpu &cpu : base.cpus) {
            Cpu copy = cpu;
            copy.name += " #" + std::to_string(k + 1);
            c.cpus.push_back(std::move(copy));
        }
    return c;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int threads = 0, repeat = 3;
    std::vector<std::string> models;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--threads"))
            threads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--repeat"))
            repeat = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--model"))
            models.push_back(args[i + 1].toStdString());
    }
    if (models.empty())
        models = {"Qwen3-30B-A3B", "Qwen2.5-14B-Instruct", "Llama-3.3-70B-Instruct"};

    QString error;
    const Catalog base = db::loadShippedCatalog(&error);
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    if (base.cpus.empty() || rules.rules.empty()) {
        std::fprintf(stderr, "catalogue unreadable: %s\n", qUtf8Printable(error));
        return 1;
    }
    const Assumptions assumptions;
    std::printf("# threads=%d (0 = all cores), best of %d runs, use cases UC1-UC4, Q4_K_M\n",
                threads, repeat);
    std::printf("%-24s %5s %6s %12s %12s %10s %14s %8s %6s\n", "model", "scale", "prune",
                "enumerated", "evaluated", "sweep_s", "evaluated/s", "front", "thr");
    for (const std::string &name : models) {
        const auto model = findModel(base, name);
        const auto quant = findQuant(base, "Q4_K_M");
        if (!model || !quant) {
            std::fprintf(stderr, "unknown model %s\n", name.c_str());
            return 2;
        }
        for (int scale : {1, 2, 4}) {
            const Catalog catalog = multiplied(base, scale);
            for (bool prune : {true, false}) {
                RecommendRequest r;
                r.model.model = *model.match;
                r.model.quant = *quant.match;
                r.workload.useCases = base.useCases;
                r.threads = threads;
                r.prune = prune;
                RecommendResult best;
                for (int i = 0; i < repeat; ++i) {
                    RecommendResult res = recommend(catalog, rules, r, assumptions);
                    if (i == 0 || res.stats.seconds < best.stats.seconds)
                        best = std::move(res);
                }
                const RecommendStats &s = best.stats;
                std::printf("%-24s %5d %6s %12llu %12llu %10.4f %14.0f %8llu %6d\n", name.c_str(),
                            scale, prune ? "on" : "off",
                            static_cast<unsigned long long>(s.enumerated),
                            static_cast<unsigned long long>(s.evaluated), s.seconds,
                            s.seconds > 0 ? static_cast<double>(s.evaluated) / s.seconds : 0.0,
                            static_cast<unsigned long long>(s.frontSize), s.threads);
                std::fflush(stdout);
            }
        }
    }
    return 0;
}
