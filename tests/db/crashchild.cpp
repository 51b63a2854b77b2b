// SPDX-License-Identifier: MIT
// Test helper for tst_cataloguecrash: applies a stream of edits to the
// catalogue database and prints "ack <kind> <n>" after each one has been
// committed. The parent kills it (SIGKILL) at a random moment.
// Usage: crashchild DATABASE PREFIX
//        crashchild DATABASE --hold   (tst_cataloguefaults: open the file as its
//        writer, print "open", then wait until stdin closes or a kill)

#include "catalogue.h"
#include "catalogueeditor.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;
using namespace llm::db;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    CatalogueDatabase db;
    const OpenResult opened = db.open(args.at(1));
    if (!opened.ok || opened.readOnly) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.message));
        return 1;
    }
    if (args.at(2) == u"--hold") {
        std::printf("open\n");
        std::fflush(stdout);
        std::string line;
        while (std::getline(std::cin, line)) {
        }
        return 0;
    }
    CatalogueEditor editor(&db);
    const QString prefix = args.at(2);
    const QString counter = prefix + u" counter"_s;
    auto gpu = [](const QString &name, int price) {
        return RowValues{{u"name"_s, name},
                         {u"vendor"_s, u"Crash"_s},
                         {u"vram_gb"_s, u"24"_s},
                         {u"bandwidth_gbs"_s, u"900"_s},
                         {u"price_usd"_s, QString::number(price)}};
    };
    if (!editor.addRow(CatalogueTable::Gpus, gpu(counter, 0)).ok)
        return 1;
    std::printf("ack counter 0\n");
    std::fflush(stdout);
    for (int i = 1; i < 100000; ++i) {
        // Alternate new rows and updates of one row, so both kinds are checked.
        const bool add = i % 2 == 1;
        const EditResult r = add ? editor.addRow(CatalogueTable::Gpus,
                                                 gpu(prefix + u" row "_s + QString::number(i), i))
                                 : editor.updateRow(CatalogueTable::Gpus, counter, gpu(counter, i));
        if (!r.ok) {
            std::fprintf(stderr, "edit %d: %s\n", i, qPrintable(r.message));
            return 1;
        }
        std::printf("ack %s %d\n", add ? "row" : "counter", i);
        std::fflush(stdout);
    }
    return 0;
}
