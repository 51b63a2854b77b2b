// SPDX-License-Identifier: MIT
#pragma once
// One identity for both programs. The organisation and application names
// decide where QStandardPaths puts the catalogue database and where QSettings
// keeps the window's settings; the window (app/gui) and llmadvisor-cli
// (app/cli) call setApplicationIdentity() first thing, so both open the same
// catalogue. Earlier versions of llmadvisor-cli used another identity and so
// another file: defaultCatalogue() moves such a file once to the shared place.

#include <QString>
#include <QStringList>

namespace llm::db {

// Organisation "LlmAdvisor", domain "llmadvisor.org", application "LlmAdvisor"
// (what the window always used, so its settings and catalogue stay where they are).
void setApplicationIdentity();

// Catalogue files of earlier versions that are not at defaultPath():
// <AppDataLocation of "LLM Procurement Advisor"/"llmadvisor">/catalogue.sqlite
// (llmadvisor-cli before both programs shared one identity).
QStringList legacyCataloguePaths();

struct CatalogueLocation {
    QString path;    // the catalogue file to open
    QString message; // a plain sentence when a file was moved or set aside; else empty
};

// CatalogueDatabase::defaultPath(), after moving a catalogue left at a legacy location.
CatalogueLocation defaultCatalogue();

// The move itself (defaultCatalogue() with its paths; tests give their own):
// * `target` missing and a legacy file present: the legacy file and its side
//   files (-wal, -shm, -journal) are copied beside `target` under temporary
//   names, compared byte for byte with the originals, renamed into place (the
//   main file last) and only then removed from the old place. If any step
//   fails the temporary copies are removed and the old file is used where it
//   is (path = the old file), with a message saying why.
// * `target` present as well: the legacy file is not merged; it is renamed
//   beside itself to "catalogue.sqlite.not-merged-YYYYMMDD-HHMMSS" (never
//   deleted) and the message says where it is and how to bring its rows over.
// A legacy file that another running copy of the program holds (its .lock) is
// left alone this time and used where it is when `target` is missing.
CatalogueLocation adoptLegacyCatalogue(const QString &target, const QStringList &legacy);

} // namespace llm::db
