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
#include <ctime>
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
    // cpu_s is the process CPU time of the sweep (all threads): on a shared machine
    // it shows what the sweep costs when wall time is inflated by other load.
    std::printf("%-24s %5s %6s %10s %10s %8s %8s %11s %13s %9s %6s %4s\n", "model", "scale",
                "prune", "enumerated", "evaluated", "sweep_s", "cpu_s", "evaluated/s", "eval/cpu_s",
                "s/100k", "front", "thr");
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
                double bestCpu = 0;
                for (int i = 0; i < repeat; ++i) {
                    const std::clock_t c0 = std::clock();
                    RecommendResult res = recommend(catalog, rules, r, assumptions);
                    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
                    if (i == 0 || res.stats.seconds < best.stats.seconds) {
                        best = std::move(res);
                        bestCpu = cpu;
                    }
                }
                const RecommendStats &s = best.stats;
                const double evaluated = static_cast<double>(s.evaluated);
                std::printf(
                    "%-24s %5d %6s %10llu %10llu %8.4f %8.4f %11.0f %13.0f %9.4f %6llu %4d\n",
                    name.c_str(), scale, prune ? "on" : "off",
                    static_cast<unsigned long long>(s.enumerated),
                    static_cast<unsigned long long>(s.evaluated), s.seconds, bestCpu,
                    s.seconds > 0 ? evaluated / s.seconds : 0.0,
                    bestCpu > 0 ? evaluated / bestCpu : 0.0,
                    evaluated > 0 ? s.seconds * 1e5 / evaluated : 0.0,
                    static_cast<unsigned long long>(s.frontSize), s.threads);
                std::fflush(stdout);
            }
        }
    }
    return 0;
}
