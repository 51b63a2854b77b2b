// SPDX-License-Identifier: MIT
// llmadvisor-cli: the headless face of the estimator and catalogue. A small
// dispatcher; each verb lives in its own verb_<name>.cpp.
#include "appidentity.h"
#include "cli.h"

#include <QCoreApplication>

#include <array>

namespace {

using namespace Qt::StringLiterals;
using namespace llm::cli;

struct Verb {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

// One entry per verb; each lives in its own verb_<name>.cpp.
constexpr std::array kVerbs{
    Verb{"estimate", "estimate --scenario FILE.json|- [--format json|table]", &runEstimate},
    Verb{"catalog",
         "catalog list cpus|gpus|models|quants [--format json|table]\n"
         "  llmadvisor-cli catalog import FILE|- [--table cpus|gpus|models|quants] [--dry-run] "
         "[--skip-bad]\n"
         "  llmadvisor-cli catalog export cpus|gpus|models|quants|pack [--format csv|json] "
         "[--output FILE] [--user-only]",
         &runCatalog},
    Verb{"recommend",
         "recommend --model NAME [--quant Q] [--use-cases UC1,UC2] [--budget-eur N] "
         "[--max-watts N] [--top K] [--format json|table]",
         &runRecommend},
    Verb{"validate", "validate --measured FILE.csv [--format json|table]", &runValidate},
    Verb{"calibrate", "calibrate --measured FILE.csv --output FILE.csv [--date YYYY-MM-DD]",
         &runCalibrate},
    Verb{"report", "report --scenario FILE.json --pdf OUT.pdf [--database PATH]", &runReport},
    Verb{"measurements",
         "measurements import FILE [--cpu NAME] [--gpu NAME] [--gpus N] [--channels N] "
         "[--mts N]\n"
         "      [--model NAME] [--quant Q] [--dry-run] [--format json|table]\n"
         "  llmadvisor-cli measurements list [--format json|table]\n"
         "  llmadvisor-cli measurements remove ID [ID...]",
         &runMeasurements},
};

QString usage() {
    QString text = u"Usage: llmadvisor-cli <verb> [options]\n\n"
                   u"Estimates LLM inference speed (prompt processing, token generation) of\n"
                   u"CPU/RAM/GPU builds and says which use cases pass.\n\nVerbs:\n"_s;
    for (const Verb &v : kVerbs)
        text += u"  llmadvisor-cli "_s + QLatin1String(v.summary) + u'\n';
    text +=
        u"\nOptions:\n  -h, --help     Show this help (or: llmadvisor-cli <verb> --help).\n"
        u"  -v, --version  Show the program version.\n\n"
        u"estimate, recommend, catalog list, validate and report read your catalogue (the\n"
        u"built-in parts with your own rows and changed prices, shared with the window);\n"
        u"--database PATH reads another catalogue file, --builtin the built-in data only.\n"
        u"llmadvisor-cli catalog path prints where your catalogue is.\n\n"
        u"measurements import reads your own llama-bench output (-o json, jsonl, csv or md)\n"
        u"into your catalogue; estimate then calibrates that hardware class with it and\n"
        u"shows it beside the estimate for the same hardware, model and quantization.\n\n"
        u"Bad input prints one line \"error: <field>: <message>\" on stderr and exits with 2.\n"_s;
    return text;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // The window's identity too, so both programs use one catalogue (appidentity.h).
    llm::db::setApplicationIdentity();
    QCoreApplication::setApplicationVersion(QStringLiteral(LLMADVISOR_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return badInput(u"verb"_s, u"missing; try llmadvisor-cli --help"_s);
    const QString first = args.at(1);
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        writeStdout(usage());
        return finishStdout(kExitOk);
    }
    if (first == u"--version"_s || first == u"-v"_s) {
        writeStdout(u"llmadvisor-cli "_s + QCoreApplication::applicationVersion() + u'\n');
        return finishStdout(kExitOk);
    }
    for (const Verb &v : kVerbs) {
        if (first == QLatin1String(v.name)) {
            // The verb's own parser sees "llmadvisor-cli <verb>" as the program name.
            QStringList verbArgs = args.mid(2);
            verbArgs.prepend(u"llmadvisor-cli "_s + first);
            return finishStdout(v.run(verbArgs));
        }
    }
    if (first.startsWith(u'-'))
        return badInput(first, u"unknown option; the verb comes first (see --help)"_s);
    QStringList names;
    for (const Verb &v : kVerbs)
        names << QLatin1String(v.name);
    return badInput(u"verb"_s,
                    u"unknown verb \""_s + first + u"\"; use one of: "_s + names.join(u", "_s));
}
