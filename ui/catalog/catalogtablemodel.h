// SPDX-License-Identifier: MIT
#pragma once
// One editable catalogue table (CPUs, GPUs, models or quantizations) as an
// item model over CatalogueEditor rows: an origin column, then the table's
// columns as text cells. An edit of a shipped row becomes an override; every
// edit goes through an edit handler (the editor window's undo stack) and is
// refused, with the data layer's message, when it does not validate.

#include "catalogueeditor.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>
#include <optional>

namespace llm::ui {

// The user's layer for one name before and after an edit: nullopt = no user
// row (a plain shipped row, or nothing at all).
struct UserRowEdit {
    db::CatalogueTable table = db::CatalogueTable::Cpus;
    QString nameBefore;
    std::optional<db::RowValues> before;
    QString nameAfter;
    std::optional<db::RowValues> after;
    QString text; // for the undo stack, e.g. "Change price_usd of RTX 5090"
};

// Writes `to` into the user's layer where `from` is now (add, update, override,
// reset or delete, whichever the pair means). Used for edits, undo and redo.
db::EditResult applyUserRow(db::CatalogueEditor *editor, db::CatalogueTable table,
                            const QString &fromName, const std::optional<db::RowValues> &from,
                            const QString &toName, const std::optional<db::RowValues> &to);

class CatalogTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 40, // double for numeric columns, text otherwise
        OriginRole,                   // int: db::RowOrigin of the row
        ShippedValueRole,             // QString: the shipped cell of an overridden row
        NameRole,                     // QString: the row's name (key)
    };
    static constexpr int OriginColumn = 0;

    CatalogTableModel(db::CatalogueEditor *editor, db::CatalogueTable table,
                      QObject *parent = nullptr);

    using EditHandler = std::function<db::EditResult(const UserRowEdit &)>;
    // Default: applyUserRow straight away (no undo).
    void setEditHandler(EditHandler handler) { m_handler = std::move(handler); }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    db::CatalogueTable table() const { return m_table; }
    QString columnName(int column) const; // "" for the origin column
    int columnOf(const QString &name) const;
    int rowOf(const QString &name) const;
    QString nameAt(int row) const;
    db::RowOrigin originAt(int row) const;
    const db::RowValues &valuesAt(int row) const;
    QString lastError() const { return m_lastError; }

    // Re-reads the table; keeps the row order when the same rows are there.
    void reload();

    // The edit of one cell as it would be handed to the edit handler.
    std::optional<UserRowEdit> cellEdit(int row, int column, const QString &text,
                                        QString *why) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // An edit was refused: the message names the field and what is allowed.
    void editRefused(const QString &message);

private:
    QVariant cellValue(int row, int column, int role) const;

    db::CatalogueEditor *m_editor;
    db::CatalogueTable m_table;
    QList<db::ColumnRule> m_rules;
    QList<db::CatalogueRow> m_rows;
    QList<std::optional<db::RowValues>> m_shipped; // per row: shipped cells of an override
    EditHandler m_handler;
    bool m_readOnly = false;
    QString m_lastError;
};

QString originText(db::RowOrigin origin); // "shipped", "yours", "overridden" (translated)

} // namespace llm::ui
