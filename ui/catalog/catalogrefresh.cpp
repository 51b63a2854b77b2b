// SPDX-License-Identifier: MIT
// Re-resolution of a comparison's parts against a changed catalogue.
#include "catalogrefresh.h"

#include <QCoreApplication>

namespace llm::ui {

namespace {
struct CatalogRefresh {
    Q_DECLARE_TR_FUNCTIONS(llm::ui::CatalogRefresh)
};

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
    problems->append(
        CatalogRefresh::tr("%1: %2 “%3” is no longer in the catalogue; its previous figures are "
                           "kept until you choose another.")
            .arg(build, kind, QString::fromStdString(part->name)));
}
} // namespace

ComparisonState resolveAgain(const Catalog &before, const Catalog &catalog,
                             const ComparisonState &state, QStringList *problems) {
    ComparisonState next = state;
    for (Build &b : next.builds) {
        const QString build = QString::fromStdString(b.name);
        refresh(before.cpus, catalog.cpus, &b.cpu, build, CatalogRefresh::tr("CPU"), problems);
        for (GpuGroup &g : b.gpus)
            refresh(before.gpus, catalog.gpus, &g.gpu, build, CatalogRefresh::tr("GPU"), problems);
        if (b.integratedGpu)
            refresh(before.gpus, catalog.gpus, &*b.integratedGpu, build,
                    CatalogRefresh::tr("integrated GPU"), problems);
    }
    const QString all = CatalogRefresh::tr("Comparison");
    refresh(before.models, catalog.models, &next.model.model, all, CatalogRefresh::tr("model"),
            problems);
    refresh(before.quants, catalog.quants, &next.model.quant, all,
            CatalogRefresh::tr("quantization"), problems);
    return next;
}

} // namespace llm::ui
