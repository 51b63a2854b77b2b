// SPDX-License-Identifier: MIT
// Re-resolution of a comparison's parts against a changed catalogue.
#include "catalogrefresh.h"

#include <QCoreApplication>

namespace llm::ui {

namespace {
QString trr(const char *s) {
    return QCoreApplication::translate("llm::ui::CatalogRefresh", s);
}

template <class T> const T *byName(const std::vector<T> &rows, const std::string &name) {
    for (const T &r : rows) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

template <class T>
void refresh(const std::vector<T> &before, const std::vector<T> &rows, T *part,
             const QString &build, const QString &kind, QStringList *problems) {
    if (const T *found = byName(rows, part->name)) {
        *part = *found;
        return;
    }
    // Not from the catalogue in the first place (a scenario's own quantization): leave it.
    if (!byName(before, part->name))
        return;
    problems->append(trr("%1: %2 “%3” is no longer in the catalogue; its previous figures are "
                         "kept until you choose another.")
                         .arg(build, kind, QString::fromStdString(part->name)));
}
} // namespace

ComparisonState resolveAgain(const Catalog &before, const Catalog &catalog,
                             const ComparisonState &state, QStringList *problems) {
    ComparisonState next = state;
    for (Build &b : next.builds) {
        const QString build = QString::fromStdString(b.name);
        refresh(before.cpus, catalog.cpus, &b.cpu, build, trr("CPU"), problems);
        for (GpuGroup &g : b.gpus)
            refresh(before.gpus, catalog.gpus, &g.gpu, build, trr("GPU"), problems);
        if (b.integratedGpu)
            refresh(before.gpus, catalog.gpus, &*b.integratedGpu, build, trr("integrated GPU"),
                    problems);
    }
    const QString all = trr("Comparison");
    refresh(before.models, catalog.models, &next.model.model, all, trr("model"), problems);
    refresh(before.quants, catalog.quants, &next.model.quant, all, trr("quantization"), problems);
    return next;
}

} // namespace llm::ui
