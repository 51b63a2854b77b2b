// SPDX-License-Identifier: MIT
// Temporary stub so that dependants link; the SQLite implementation follows.

#include "catalogue.h"

using namespace Qt::StringLiterals;

namespace llm::db {

struct CatalogueDatabase::Private {
    QString path;
};

CatalogueDatabase::CatalogueDatabase()
    : d(new Private) {}
CatalogueDatabase::~CatalogueDatabase() {
    delete d;
}

QString CatalogueDatabase::defaultPath() {
    return {};
}

OpenResult CatalogueDatabase::open(const QString &path) {
    d->path = path;
    OpenResult r;
    r.message = u"The catalogue database is not available yet."_s;
    return r;
}

bool CatalogueDatabase::isOpen() const {
    return false;
}
bool CatalogueDatabase::isReadOnly() const {
    return true;
}
QString CatalogueDatabase::path() const {
    return d->path;
}
Catalog CatalogueDatabase::load() const {
    return loadShippedCatalog();
}

} // namespace llm::db
